/* rectify-error.c: the error domain of the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-core"

#include "config.h"

#include "rectify-error.h"

G_DEFINE_QUARK (rectify-error-quark, rectify_error)
