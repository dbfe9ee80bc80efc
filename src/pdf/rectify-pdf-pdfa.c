/* rectify-pdf-pdfa.c: what libharu 2.3.0 lacks for PDF/A-1b, mended through its internal headers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measured against Apache PDFBox Preflight: HPDF_PDFA_SetPDFAConformance
 * keys the metadata stream /SubType, writes XMP text unescaped, names the
 * output intent's profile "DestOutputProfile " (with a space) and takes the
 * trailer ID from the clock; a Type0 TrueType font gets its encoding CMap
 * as ToUnicode and a descriptor without CapHeight and CIDSet.
 */
#define G_LOG_DOMAIN "rectify-pdf"

#include "config.h"

#include <glib/gi18n.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <string.h>

#include "rectify-pdf-error.h"
#include "rectify-pdf-pdfa.h"

#define PRODUCER "Rectify with Haru Free PDF Library 2.3.0"

static gboolean
fail (GError **error, const char *what)
{
  g_set_error (error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FAILED,
               /* what: a part of a PDF file, e.g. "XMP metadata" (not translated) */
               _ ("PDF: libharu could not write the document (%s)"), what);
  return FALSE;
}

/* A PDF text string: UTF-16BE with its byte-order mark. */
static HPDF_Binary
text_string (HPDF_Doc pdf, const char *utf8)
{
  glong n = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  g_autofree guint8 *bytes = g_new (guint8, 2 + 2 * n);

  bytes[0] = 0xFE;
  bytes[1] = 0xFF;
  for (glong i = 0; i < n; i++)
    {
      bytes[2 + 2 * i] = utf16[i] >> 8;
      bytes[3 + 2 * i] = utf16[i] & 0xFF;
    }
  return HPDF_Binary_New (pdf->mmgr, bytes, 2 + 2 * n);
}

static void
xmp_element (GString *xmp, const char *open, const char *value, const char *close)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  g_string_append_printf (xmp, "%s%s%s\n", open, escaped, close);
}

gboolean
rectify_pdf_pdfa_set_metadata (HPDF_Doc pdf, const RectifyPdfMetadata *meta, GError **error)
{
  g_autoptr (GString) xmp = g_string_new (NULL);
  g_autofree char *info_date = NULL;
  g_autofree char *xmp_date = NULL;
  HPDF_Dict stream, intent, profile;
  HPDF_Array intents, id;
  HPDF_STATUS ret = HPDF_OK;
  GChecksum *md5;
  guint8 digest[16];
  gsize digest_len = sizeof digest;

  pdf->pdf_version = HPDF_VER_14;

  /* the Info dictionary and the XMP packet must say the same */
  if (HPDF_SetInfoAttr (pdf, HPDF_INFO_PRODUCER, PRODUCER) != HPDF_OK
      || HPDF_SetInfoAttr (pdf, HPDF_INFO_CREATOR, "Rectify") != HPDF_OK || pdf->info == NULL)
    return fail (error, "Info dictionary");
  if (meta->title)
    ret += HPDF_Dict_Add (pdf->info, "Title", text_string (pdf, meta->title));
  if (meta->author)
    ret += HPDF_Dict_Add (pdf->info, "Author", text_string (pdf, meta->author));
  if (meta->subject)
    ret += HPDF_Dict_Add (pdf->info, "Subject", text_string (pdf, meta->subject));
  if (meta->keywords)
    ret += HPDF_Dict_Add (pdf->info, "Keywords", text_string (pdf, meta->keywords));
  if (meta->date && strlen (meta->date) == 10)
    {
      info_date = g_strdup_printf ("D:%.4s%.2s%.2s000000+00'00'", meta->date, meta->date + 5,
                                   meta->date + 8);
      xmp_date = g_strdup_printf ("%sT00:00:00+00:00", meta->date);
      ret += HPDF_Dict_Add (pdf->info, "CreationDate",
                            HPDF_String_New (pdf->mmgr, info_date, NULL));
    }
  if (ret != HPDF_OK)
    return fail (error, "Info dictionary");

  g_string_append (
      xmp, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
           "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
  xmp_element (xmp, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", meta->title,
               "</rdf:li></rdf:Alt></dc:title>");
  xmp_element (xmp, "<dc:creator><rdf:Seq><rdf:li>", meta->author,
               "</rdf:li></rdf:Seq></dc:creator>");
  xmp_element (xmp, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", meta->subject,
               "</rdf:li></rdf:Alt></dc:description>");
  xmp_element (xmp, "<dc:language><rdf:Bag><rdf:li>", meta->language,
               "</rdf:li></rdf:Bag></dc:language>");
  g_string_append (xmp,
                   "</rdf:Description>\n"
                   "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
  xmp_element (xmp, "<pdf:Keywords>", meta->keywords, "</pdf:Keywords>");
  xmp_element (xmp, "<pdf:Producer>", PRODUCER, "</pdf:Producer>");
  g_string_append (xmp,
                   "</rdf:Description>\n"
                   "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
  xmp_element (xmp, "<xmp:CreatorTool>", "Rectify", "</xmp:CreatorTool>");
  xmp_element (xmp, "<xmp:CreateDate>", xmp_date, "</xmp:CreateDate>");
  g_string_append (
      xmp, "</rdf:Description>\n"
           "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
           "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
           "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");

  stream = HPDF_DictStream_New (pdf->mmgr, pdf->xref);
  if (stream == NULL)
    return fail (error, "XMP metadata");
  /* PDF/A-1 wants the metadata readable without a filter */
  stream->filter = HPDF_STREAM_FILTER_NONE;
  ret += HPDF_Dict_AddName (stream, "Type", "Metadata");
  ret += HPDF_Dict_AddName (stream, "Subtype", "XML");
  ret += HPDF_Stream_Write (stream->stream, (const HPDF_BYTE *)xmp->str, (HPDF_UINT)xmp->len);
  ret += HPDF_Dict_Add (pdf->catalog, "Metadata", stream);
  if (ret != HPDF_OK)
    return fail (error, "XMP metadata");

  /* the same document gives the same ID: reproducible bytes */
  md5 = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (md5, (const guchar *)xmp->str, (gssize)xmp->len);
  g_checksum_get_digest (md5, digest, &digest_len);
  g_checksum_free (md5);
  id = HPDF_Array_New (pdf->mmgr);
  if (id == NULL || HPDF_Dict_Add (pdf->trailer, "ID", id) != HPDF_OK
      || HPDF_Array_Add (id, HPDF_Binary_New (pdf->mmgr, digest, 16)) != HPDF_OK
      || HPDF_Array_Add (id, HPDF_Binary_New (pdf->mmgr, digest, 16)) != HPDF_OK)
    return fail (error, "trailer ID");

  profile = HPDF_LoadIccProfileFromFile (pdf, RECTIFY_PDF_SRGB_PROFILE, 3);
  if (profile == NULL)
    {
      HPDF_ResetError (pdf);
      g_set_error (
          error, RECTIFY_PDF_ERROR, RECTIFY_PDF_ERROR_FAILED,
          _ ("PDF: the sRGB colour profile %s cannot be read (Debian package icc-profiles-free)"),
          RECTIFY_PDF_SRGB_PROFILE);
      return FALSE;
    }
  profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  intent = HPDF_Dict_New (pdf->mmgr);
  if (intent == NULL || HPDF_Xref_Add (pdf->xref, intent) != HPDF_OK)
    return fail (error, "OutputIntent");
  ret += HPDF_Dict_AddName (intent, "Type", "OutputIntent");
  ret += HPDF_Dict_AddName (intent, "S", "GTS_PDFA1");
  ret += HPDF_Dict_Add (intent, "OutputConditionIdentifier",
                        HPDF_String_New (pdf->mmgr, "sRGB IEC61966-2.1", NULL));
  ret += HPDF_Dict_Add (intent, "Info", HPDF_String_New (pdf->mmgr, "sRGB IEC61966-2.1", NULL));
  ret += HPDF_Dict_Add (intent, "DestOutputProfile", profile);
  intents = HPDF_Array_New (pdf->mmgr);
  ret += HPDF_Array_Add (intents, intent);
  ret += HPDF_Dict_Add (pdf->catalog, "OutputIntents", intents);
  if (ret != HPDF_OK)
    return fail (error, "OutputIntent");
  return TRUE;
}

/* ---- fonts -------------------------------------------------------------- */

typedef struct
{
  HPDF_Dict_BeforeWriteFunc original;
  HPDF_Font font;
  double cap_height;
  GArray *cids; /* guint16, sorted */
} FontMend;

/* libharu's before-write function has no user data: the mends of the
 * fonts being written live here, keyed by font, one document at a time
 * per thread. */
static GPrivate mends_key = G_PRIVATE_INIT ((GDestroyNotify)g_ptr_array_unref);

static void
font_mend_free (FontMend *mend)
{
  g_array_unref (mend->cids);
  g_free (mend);
}

static GPtrArray *
thread_mends (void)
{
  GPtrArray *mends = g_private_get (&mends_key);
  if (mends == NULL)
    {
      mends = g_ptr_array_new_with_free_func ((GDestroyNotify)font_mend_free);
      g_private_set (&mends_key, mends);
    }
  return mends;
}

static HPDF_STATUS
mended_before_write (HPDF_Dict obj)
{
  GPtrArray *mends = thread_mends ();
  FontMend *mend = NULL;
  HPDF_FontAttr attr = (HPDF_FontAttr)obj->attr;
  HPDF_Dict descriptor, cidset;
  HPDF_STATUS ret;
  g_autofree guint8 *bits = NULL;
  guint n_bytes;

  for (guint i = 0; i < mends->len; i++)
    if (((FontMend *)g_ptr_array_index (mends, i))->font == obj)
      mend = g_ptr_array_index (mends, i);
  g_assert (mend != NULL);

  if ((ret = mend->original (obj)) != HPDF_OK)
    return ret;
  descriptor = attr->fontdef->descriptor;
  if (descriptor == NULL || HPDF_Dict_GetItem (descriptor, "CIDSet", HPDF_OCLASS_DICT) != NULL)
    return HPDF_OK;

  ret = HPDF_Dict_AddNumber (descriptor, "CapHeight", (HPDF_INT32)(mend->cap_height + 0.5));
  /* one bit per CID present, CID 0 (.notdef) included, high bit first */
  n_bytes = g_array_index (mend->cids, guint16, mend->cids->len - 1) / 8 + 1;
  bits = g_new0 (guint8, n_bytes);
  bits[0] |= 0x80;
  for (guint i = 0; i < mend->cids->len; i++)
    {
      guint16 cid = g_array_index (mend->cids, guint16, i);
      bits[cid / 8] |= 0x80 >> (cid % 8);
    }
  cidset = HPDF_DictStream_New (obj->mmgr, attr->xref);
  if (cidset == NULL)
    return HPDF_Error_GetCode (obj->error);
  cidset->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  ret += HPDF_Stream_Write (cidset->stream, bits, n_bytes);
  ret += HPDF_Dict_Add (descriptor, "CIDSet", cidset);
  return ret;
}

static gint
compare_cid (gconstpointer a, gconstpointer b)
{
  return (gint) * (const guint16 *)a - (gint) * (const guint16 *)b;
}

gboolean
rectify_pdf_pdfa_mend_font (
    HPDF_Doc pdf, HPDF_Font font, GHashTable *chars, double cap_height, GError **error)
{
  HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
  HPDF_Dict cmap = HPDF_Dict_GetItem (font, "ToUnicode", HPDF_OCLASS_DICT);
  g_autoptr (GString) text = g_string_new (NULL);
  GArray *cids = g_array_new (FALSE, FALSE, sizeof (guint16));
  GHashTableIter iter;
  gpointer key;
  FontMend *mend;
  HPDF_STATUS ret = HPDF_OK;

  if (attr == NULL || attr->type != HPDF_FONT_TYPE0_TT || cmap == NULL || cmap->stream == NULL)
    {
      g_array_unref (cids);
      return fail (error, "Type0 font");
    }
  g_hash_table_iter_init (&iter, chars);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint16 cid = (guint16)GPOINTER_TO_UINT (key);
      if (cid != 0)
        g_array_append_val (cids, cid);
    }
  g_array_sort (cids, compare_cid);
  if (cids->len == 0)
    {
      guint16 space = ' ';
      g_array_append_val (cids, space);
    }

  /* The stream libharu gave as ToUnicode is its encoding CMap: replace its contents. */
  HPDF_Dict_RemoveElement (cmap, "Type");
  HPDF_Dict_RemoveElement (cmap, "CMapName");
  HPDF_Dict_RemoveElement (cmap, "CIDSystemInfo");
  HPDF_Dict_RemoveElement (cmap, "WMode");
  HPDF_MemStream_FreeData (cmap->stream);
  g_string_append (text,
                   "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  for (guint i = 0; i < cids->len; i += 100)
    {
      guint n = MIN (100, cids->len - i);
      g_string_append_printf (text, "%u beginbfchar\n", n);
      for (guint j = i; j < i + n; j++)
        {
          guint16 cid = g_array_index (cids, guint16, j);
          g_string_append_printf (text, "<%04X> <%04X>\n", cid, cid);
        }
      g_string_append (text, "endbfchar\n");
    }
  g_string_append (text, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  ret += HPDF_Stream_Write (cmap->stream, (const HPDF_BYTE *)text->str, (HPDF_UINT)text->len);
  if (ret != HPDF_OK)
    {
      g_array_unref (cids);
      return fail (error, "ToUnicode CMap");
    }

  mend = g_new0 (FontMend, 1);
  mend->original = font->before_write_fn;
  mend->font = font;
  mend->cap_height = cap_height;
  mend->cids = cids;
  g_ptr_array_add (thread_mends (), mend);
  font->before_write_fn = mended_before_write;
  return TRUE;
}

void
rectify_pdf_pdfa_forget_fonts (void)
{
  g_ptr_array_set_size (thread_mends (), 0);
}

HPDF_Font
rectify_pdf_haru_get_font (HPDF_Doc pdf, const char *name, GHashTable *chars)
{
  HPDF_Encoder encoder = HPDF_GetEncoder (pdf, "UTF-8");
  HPDF_Encoder_ToUnicode_Func to_unicode;
  HPDF_CMapEncoderAttr attr;
  g_autofree HPDF_UINT16 *saved_cids = NULL;
  g_autofree HPDF_UNICODE *saved_unicodes = NULL;
  GHashTableIter iter;
  gpointer key;
  HPDF_Font font;

  if (encoder == NULL || encoder->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE)
    return NULL;
  /* libharu 2.3.0 walks every code of a UTF-8 encoder, but only the CID
   * map of a CMap encoder: dress the encoder as one that maps exactly
   * chars, each code to itself, while the font is made */
  attr = (HPDF_CMapEncoderAttr)encoder->attr;
  saved_cids = g_memdup2 (attr->cid_map, sizeof attr->cid_map);
  saved_unicodes = g_memdup2 (attr->unicode_map, sizeof attr->unicode_map);
  to_unicode = encoder->to_unicode_fn;
  memset (attr->cid_map, 0, sizeof attr->cid_map);
  g_hash_table_iter_init (&iter, chars);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint c = GPOINTER_TO_UINT (key);
      if (c > 0 && c < 0x10000)
        {
          attr->cid_map[c >> 8][c & 0xFF] = (HPDF_UINT16)c;
          attr->unicode_map[c >> 8][c & 0xFF] = (HPDF_UNICODE)c;
        }
    }
  /* libharu stops its widths and CID-to-glyph map one short of the highest
   * code: a code above all others, which no font draws, takes that place */
  {
    guint highest = 0;
    g_hash_table_iter_init (&iter, chars);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      highest = MAX (highest, GPOINTER_TO_UINT (key) < 0x10000 ? GPOINTER_TO_UINT (key) : 0);
    if (highest < 0xFFFF)
      {
        highest++;
        attr->cid_map[highest >> 8][highest & 0xFF] = (HPDF_UINT16)highest;
        attr->unicode_map[highest >> 8][highest & 0xFF] = 0;
      }
  }
  encoder->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
  font = HPDF_GetFont (pdf, name, "UTF-8");
  encoder->to_unicode_fn = to_unicode;
  memcpy (attr->cid_map, saved_cids, sizeof attr->cid_map);
  memcpy (attr->unicode_map, saved_unicodes, sizeof attr->unicode_map);
  return font;
}
