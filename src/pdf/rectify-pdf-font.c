/* rectify-pdf-font.c: TrueType faces found through fontconfig, measured and subset with HarfBuzz
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rectify-pdf"
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-subset.h>
#include <string.h>
#include <unistd.h>

#include "rectify-pdf-error.h"
#include "rectify-pdf-font.h"

struct _RectifyPdfFace
{
  char *family;
  char *path;
  int index;
  hb_face_t *face;
  hb_font_t *font;
  double scale; /* glyph units to 1/1000 em */
  double ascent;
  double descent;
  double cap_height;
};

G_DEFINE_QUARK (rectify - pdf - error - quark, rectify_pdf_error)

static GMutex faces_lock;
static GHashTable *faces; /* family (casefolded) -> RectifyPdfFace */

static gboolean
family_matches (FcPattern *match, const char *family)
{
  g_autofree char *want = g_utf8_casefold (family, -1);
  FcChar8 *value;

  for (int i = 0; FcPatternGetString (match, FC_FAMILY, i, &value) == FcResultMatch; i++)
    {
      g_autofree char *have = g_utf8_casefold ((const char *)value, -1);
      if (strcmp (have, want) == 0)
        return TRUE;
    }
  return FALSE;
}

static RectifyPdfFace *
face_new (const char *family, GError **error)
{
  g_autoptr (GError) local = NULL;
  RectifyPdfFace *self;
  FcPattern *pattern, *match;
  FcResult result;
  FcChar8 *file = NULL, *format = NULL;
  int index = 0;
  hb_blob_t *blob;
  hb_font_extents_t extents;
  hb_codepoint_t glyph;
  hb_glyph_extents_t glyph_extents;

  if (!FcInit ())
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT,
                   _ ("Font: fontconfig could not be initialised"));
      return NULL;
    }
  pattern = FcNameParse ((const FcChar8 *)"");
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *)family);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);
  if (match == NULL || !family_matches (match, family)
      || FcPatternGetString (match, FC_FILE, 0, &file) != FcResultMatch)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT,
                   _ ("Font: “%s” is not installed; install it or choose another font"), family);
      if (match)
        FcPatternDestroy (match);
      return NULL;
    }
  FcPatternGetInteger (match, FC_INDEX, 0, &index);
  if (FcPatternGetString (match, FC_FONTFORMAT, 0, &format) != FcResultMatch
      || strcmp ((const char *)format, "TrueType") != 0)
    {
      g_set_error (
          error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT,
          _ ("Font: “%s” (%s) cannot be loaded: only TrueType-outline fonts can be embedded"),
          family, (const char *)file);
      FcPatternDestroy (match);
      return NULL;
    }

  self = g_new0 (RectifyPdfFace, 1);
  self->family = g_strdup (family);
  self->path = g_strdup ((const char *)file);
  self->index = index;
  FcPatternDestroy (match);

  blob = hb_blob_create_from_file_or_fail (self->path);
  if (blob == NULL)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT,
                   _ ("Font: “%s” cannot be read from %s"), family, self->path);
      g_free (self->family);
      g_free (self->path);
      g_free (self);
      return NULL;
    }
  self->face = hb_face_create (blob, (unsigned)index);
  hb_blob_destroy (blob);
  self->font = hb_font_create (self->face);
  hb_font_set_scale (self->font, (int)hb_face_get_upem (self->face),
                     (int)hb_face_get_upem (self->face));
  hb_font_make_immutable (self->font);
  self->scale = 1000.0 / hb_face_get_upem (self->face);
  hb_font_get_h_extents (self->font, &extents);
  self->ascent = extents.ascender * self->scale;
  self->descent = extents.descender * self->scale;
  self->cap_height = self->ascent * 0.7;
  if (hb_font_get_nominal_glyph (self->font, 'H', &glyph)
      && hb_font_get_glyph_extents (self->font, glyph, &glyph_extents))
    self->cap_height = glyph_extents.y_bearing * self->scale;
  return self;
}

static void
face_free (RectifyPdfFace *self)
{
  hb_font_destroy (self->font);
  hb_face_destroy (self->face);
  g_free (self->family);
  g_free (self->path);
  g_free (self);
}

/* The face already made of the font at path and index, under faces_lock. */
static RectifyPdfFace *
face_of_file (const char *path, int index)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, faces);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RectifyPdfFace *face = value;
      if (face->index == index && g_str_equal (face->path, path))
        return face;
    }
  return NULL;
}

RectifyPdfFace *
rectify_pdf_face_lookup (const char *family, GError **error)
{
  g_autofree char *key = NULL;
  RectifyPdfFace *face;

  g_return_val_if_fail (family != NULL, NULL);

  key = g_utf8_casefold (family, -1);
  g_mutex_lock (&faces_lock);
  if (faces == NULL)
    faces = g_hash_table_new (g_str_hash, g_str_equal);
  face = g_hash_table_lookup (faces, key);
  if (face == NULL)
    {
      face = face_new (family, error);
      if (face)
        {
          /* Two names of one font file ("文泉驿微米黑" and "WenQuanYi Micro
           * Hei", or a body and a heading chosen alike) are one face: a
           * document embeds each font file once. */
          RectifyPdfFace *same = face_of_file (face->path, face->index);
          if (same)
            {
              face_free (face);
              face = same;
            }
          g_hash_table_insert (faces, g_steal_pointer (&key), face);
        }
    }
  g_mutex_unlock (&faces_lock);
  return face;
}

const char *
rectify_pdf_face_get_family (RectifyPdfFace *face)
{
  return face->family;
}

const char *
rectify_pdf_face_get_path (RectifyPdfFace *face)
{
  return face->path;
}

gboolean
rectify_pdf_face_has_char (RectifyPdfFace *face, gunichar c)
{
  hb_codepoint_t glyph;

  /* libharu's UTF-8 encoder has two-byte codes only: the BMP */
  return c < 0x10000 && hb_font_get_nominal_glyph (face->font, c, &glyph);
}

double
rectify_pdf_face_char_width (RectifyPdfFace *face, gunichar c)
{
  hb_codepoint_t glyph = 0;

  hb_font_get_nominal_glyph (face->font, c, &glyph);
  return hb_font_get_glyph_h_advance (face->font, glyph) * face->scale;
}

double
rectify_pdf_face_ascent (RectifyPdfFace *face)
{
  return face->ascent;
}

double
rectify_pdf_face_descent (RectifyPdfFace *face)
{
  return face->descent;
}

double
rectify_pdf_face_cap_height (RectifyPdfFace *face)
{
  return face->cap_height;
}

/* The subset with a small 'prep' table.  libharu 2.3.0 rewrites the font
 * with 'prep' last and reads each table back from a memory stream of 4 KiB
 * blocks; an empty 'prep' (the subset drops hinting) starts exactly at the
 * end, and when that end falls on a block boundary (one font in a thousand)
 * the seek fails with HPDF_INVALID_OBJECT and the whole PDF with it.  The
 * program set the vectors to the y axis, a no-op for glyphs without
 * instructions. */
static hb_blob_t *
with_prep_table (hb_face_t *subset)
{
  static const char prep[] = { 0x00, 0x00, 0x00, 0x00 };
  hb_face_t *builder = hb_face_builder_create ();
  /* the subset is a builder face that cannot list its tables: read it back */
  hb_blob_t *serialized = hb_face_reference_blob (subset);
  hb_face_t *face = hb_face_create (serialized, 0);
  hb_tag_t tags[64];
  unsigned int n = G_N_ELEMENTS (tags);
  hb_blob_t *result;

  hb_face_get_table_tags (face, 0, &n, tags);
  for (unsigned int i = 0; i < n; i++)
    {
      hb_blob_t *table = hb_face_reference_table (face, tags[i]);
      if (tags[i] != HB_TAG ('p', 'r', 'e', 'p'))
        hb_face_builder_add_table (builder, tags[i], table);
      hb_blob_destroy (table);
    }
  {
    hb_blob_t *table = hb_blob_create (prep, sizeof prep, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_builder_add_table (builder, HB_TAG ('p', 'r', 'e', 'p'), table);
    hb_blob_destroy (table);
  }
  result = hb_face_reference_blob (builder);
  hb_face_destroy (builder);
  hb_face_destroy (face);
  hb_blob_destroy (serialized);
  return result;
}

char *
rectify_pdf_face_subset_to_file (RectifyPdfFace *face, GHashTable *chars, GError **error)
{
  g_autoptr (GError) local = NULL;
  hb_subset_input_t *input;
  hb_face_t *subset;
  hb_blob_t *blob;
  GHashTableIter iter;
  gpointer key;
  const char *data;
  unsigned int length;
  char *path = NULL;
  int fd;

  input = hb_subset_input_create_or_fail ();
  if (input == NULL)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FAILED,
                   _ ("Font: HarfBuzz could not start subsetting “%s”"), face->family);
      return NULL;
    }
  g_hash_table_iter_init (&iter, chars);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    hb_set_add (hb_subset_input_unicode_set (input), GPOINTER_TO_UINT (key));
  /* Hinting instructions are most of a CJK font's bytes and print does not need them. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_NO_HINTING);
  subset = hb_subset_or_fail (face->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FONT,
                   _ ("Font: “%s” could not be subset"), face->family);
      return NULL;
    }
  blob = with_prep_table (subset);
  hb_face_destroy (subset);
  data = hb_blob_get_data (blob, &length);

  /* libharu loads TrueType only from a path, and may read it again while
   * saving.  A memory file's /proc path serves without creating and
   * deleting a file on disk for every document (inode allocation after
   * many deletions was a fifth of the time of an archive). */
  fd = memfd_create ("rectify-font-subset", MFD_CLOEXEC);
  if (fd >= 0)
    path = g_strdup_printf ("/proc/self/fd/%d", fd);
  else
    fd = g_file_open_tmp ("rectify-font-XXXXXX.ttf", &path, &local);
  if (fd < 0)
    {
      g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FAILED,
                   _ ("Font: no temporary file for the font subset: %s"), local->message);
      hb_blob_destroy (blob);
      return NULL;
    }
  for (unsigned int done = 0; done < length;)
    {
      ssize_t n = write (fd, data + done, length - done);
      if (n <= 0)
        {
          g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FAILED,
                       _ ("Font: the font subset could not be written to %s"), path);
          /* the release closes a memory file's descriptor, not a disk file's */
          if (!g_str_has_prefix (path, "/proc/self/fd/"))
            close (fd);
          rectify_pdf_face_subset_release (path);
          hb_blob_destroy (blob);
          return NULL;
        }
      done += (unsigned int)n;
    }
  if (!g_str_has_prefix (path, "/proc/self/fd/"))
    close (fd);
  hb_blob_destroy (blob);
  return path;
}

void
rectify_pdf_face_subset_release (char *path)
{
  if (path == NULL)
    return;
  if (g_str_has_prefix (path, "/proc/self/fd/"))
    close (atoi (path + strlen ("/proc/self/fd/")));
  else
    g_unlink (path);
  g_free (path);
}

/* ---- the families of a document's roles ---------------------------------- */

static const char *const body_candidates[] = {
  "仿宋_GB2312",  "FangSong_GB2312", "仿宋",     "FangSong",   "方正仿宋_GBK",
  "方正仿宋简体", "FZFangSong-Z02S", "华文仿宋", "STFangsong", RECTIFY_PDF_BODY_FONT,
  NULL,
};
static const char *const heading_candidates[] = {
  "黑体", "SimHei", "方正黑体_GBK", "方正黑体简体", "FZHei-B01S", RECTIFY_PDF_HEADING_FONT, NULL,
};
/* without a 小标宋 the title is set in the heading's face, as before */
static const char *const title_candidates[] = {
  "方正小标宋简体",
  "方正小标宋_GBK",
  "FZXiaoBiaoSong-B05S",
  "小标宋",
  "华文中宋",
  "STZhongsong",
  "黑体",
  "SimHei",
  "方正黑体_GBK",
  "方正黑体简体",
  "FZHei-B01S",
  RECTIFY_PDF_HEADING_FONT,
  NULL,
};

const char *const *
rectify_pdf_font_candidates (RectifyPdfFontRole role)
{
  switch (role)
    {
    case RECTIFY_PDF_FONT_HEADING:
      return heading_candidates;
    case RECTIFY_PDF_FONT_TITLE:
      return title_candidates;
    case RECTIFY_PDF_FONT_BODY:
    default:
      return body_candidates;
    }
}

static GHashTable *missing_families; /* casefolded names fontconfig has not, under faces_lock */

gboolean
rectify_pdf_font_installed (const char *family)
{
  g_autofree char *key = NULL;
  gboolean known_missing;
  RectifyPdfFace *face;

  if (family == NULL || *family == '\0')
    return FALSE;
  key = g_utf8_casefold (family, -1);
  g_mutex_lock (&faces_lock);
  known_missing = missing_families && g_hash_table_contains (missing_families, key);
  g_mutex_unlock (&faces_lock);
  if (known_missing)
    return FALSE;
  face = rectify_pdf_face_lookup (family, NULL);
  if (face == NULL)
    {
      g_mutex_lock (&faces_lock);
      if (missing_families == NULL)
        missing_families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (missing_families, g_steal_pointer (&key));
      g_mutex_unlock (&faces_lock);
    }
  return face != NULL;
}

const char *
rectify_pdf_font_resolve (RectifyPdfFontRole role, const char *chosen)
{
  const char *const *candidates;

  if (chosen && *chosen)
    return chosen;
  candidates = rectify_pdf_font_candidates (role);
  for (guint i = 0; candidates[i]; i++)
    if (candidates[i + 1] == NULL || rectify_pdf_font_installed (candidates[i]))
      return candidates[i];
  g_return_val_if_reached (RECTIFY_PDF_BODY_FONT);
}

const char *
rectify_pdf_font_latin_companion (const char *body_family)
{
  g_autofree char *key = g_utf8_casefold (body_family ? body_family : "", -1);

  if (!g_str_has_prefix (key, "ar pl uming")
      || !rectify_pdf_font_installed (RECTIFY_PDF_LATIN_FONT))
    return NULL;
  return RECTIFY_PDF_LATIN_FONT;
}
