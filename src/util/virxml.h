/*
 * virxml.h: reading and writing the library's XML documents.
 *
 * Parsers walk the libxml2 tree directly (no XPath): every element and
 * attribute they look at is marked as consumed, so that a caller asking for
 * validation can reject whatever no parser read, naming its path.  Readers
 * of typed attributes report errors with upstream's codes and wording.
 * Formatters build elements with virXMLFormatElement from an attribute
 * buffer and a child buffer, which leaves empty elements out.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "virbuffer.h"
#include "virenum.h"

/* ---- Parsing documents ---- */

/* Parses xml (a string) whose root must be rootname (NULL: any).  url names
 * the document in messages, e.g. "domain_definition".  Malformed input is
 * reported as VIR_ERR_XML_DETAIL with the line, the offending text and a
 * pointer to the column; a wrong root as VIR_ERR_XML_ERROR.  The error
 * domain is domcode. */
xmlDocPtr virXMLParseStringCtxt(int domcode, const char *xml,
                                const char *url, const char *rootname);
/* The largest XML file read (as virsh's limit). */
#define VIR_XML_FILE_MAX (10 * 1024 * 1024)
/* The same for a file; path names it in messages.  Only regular files of
 * at most VIR_XML_FILE_MAX bytes are read. */
xmlDocPtr virXMLParseFileCtxt(int domcode, const char *path,
                              const char *rootname);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc);

/* ---- Walking elements ---- */

/* True for an element in no namespace with this name. */
bool virXMLNodeNameEqual(xmlNodePtr node, const char *name);
/* The first child element called name (no namespace), marked consumed;
 * NULL when there is none. */
xmlNodePtr virXMLChild(xmlNodePtr parent, const char *name);
/* All child elements called name, in document order, each marked
 * consumed; returns their number and sets *list (NULL when none; free the
 * array with g_free). */
size_t virXMLChildren(xmlNodePtr parent, const char *name,
                      xmlNodePtr **list);
/* The number of child elements called name, without consuming them. */
size_t virXMLChildCount(xmlNodePtr parent, const char *name);
/* The next element sibling (any name, any namespace) or NULL. */
xmlNodePtr virXMLNextElement(xmlNodePtr node);
/* The first child element (any name) or NULL. */
xmlNodePtr virXMLFirstElement(xmlNodePtr parent);

/* The text content of node, newly allocated ("" for an empty element). */
char *virXMLNodeContent(xmlNodePtr node);
/* The text content of the first child element called name, or NULL when
 * there is no such child. */
char *virXMLChildContent(xmlNodePtr parent, const char *name);

/* Marks node consumed (and, for the Subtree form, everything under it:
 * used for foreign-namespace content kept verbatim). */
void virXMLNodeMarkConsumed(xmlNodePtr node);
void virXMLNodeMarkSubtree(xmlNodePtr node);

/* Finds the first element or attribute under root (inclusive) that no
 * parser consumed and reports VIR_ERR_XML_INVALID_SCHEMA naming its path,
 * e.g. "/domain/devices/disk[2]/@bogus".  Elements in a namespace are
 * skipped (their owners keep or drop them).  -1 on a finding. */
int virXMLCheckConsumed(int domcode, xmlNodePtr root);

/* The path of node for messages, e.g. "/domain/devices/disk[2]". */
char *virXMLNodePath(xmlNodePtr node);

/* ---- Reading attributes ---- */

typedef enum {
    VIR_XML_PROP_NONE = 0,
    VIR_XML_PROP_REQUIRED = 1 << 0,    /* absent is an error */
    VIR_XML_PROP_NONZERO = 1 << 1,     /* 0 (or an enum's 0) is an error */
    VIR_XML_PROP_NONNEGATIVE = 1 << 2, /* for signed numbers */
} virXMLPropFlags;

/* The attribute's value (newly allocated), or NULL; marks it consumed. */
char *virXMLPropString(xmlNodePtr node, const char *name);
/* Marks the attribute consumed without reading it: for attributes upstream
 * accepts and ignores (live-only state in a configuration...). */
void virXMLPropIgnore(xmlNodePtr node, const char *name);
/* As virXMLPropString, but a missing attribute is an error. */
char *virXMLPropStringRequired(xmlNodePtr node, const char *name);

/* Typed readers: 0 when the attribute is absent (enums and tri-states
 * are then set to 0, numbers left unchanged),
 * 1 when read, -1 (error reported) when invalid or required and absent. */
int virXMLPropEnum(xmlNodePtr node, const char *name,
                   int (*strToInt)(const char *), virXMLPropFlags flags,
                   int *result);
/* Like virXMLPropEnum with a default: absent gives defvalue. */
int virXMLPropEnumDefault(xmlNodePtr node, const char *name,
                          int (*strToInt)(const char *),
                          virXMLPropFlags flags, int *result, int defvalue);
int virXMLPropTristateBool(xmlNodePtr node, const char *name,
                           virXMLPropFlags flags, virTristateBool *result);
int virXMLPropTristateSwitch(xmlNodePtr node, const char *name,
                             virXMLPropFlags flags,
                             virTristateSwitch *result);
int virXMLPropInt(xmlNodePtr node, const char *name, int base,
                  virXMLPropFlags flags, int *result);
int virXMLPropUInt(xmlNodePtr node, const char *name, int base,
                   virXMLPropFlags flags, unsigned int *result);
int virXMLPropLongLong(xmlNodePtr node, const char *name, int base,
                       virXMLPropFlags flags, long long *result);
int virXMLPropULongLong(xmlNodePtr node, const char *name, int base,
                        virXMLPropFlags flags, unsigned long long *result);
int virXMLPropUUID(xmlNodePtr node, const char *name,
                   virXMLPropFlags flags, unsigned char *result);

/* Reads a number with a unit: the value is the element's content (or the
 * attribute valueattr when non-NULL), the unit the attribute unitattr
 * (usually "unit").  The result is scaled to bytes and divided by scale
 * (1024 for KiB), rejecting overflow beyond max.  0 when absent and not
 * required, 1 when read, -1 on error. */
int virXMLParseScaledValue(xmlNodePtr node, const char *valueattr,
                           const char *unitattr, unsigned long long scale,
                           unsigned long long max, bool required,
                           unsigned long long *result);

/* Multiplies *value by the factor of suffix ("KiB", "M", "GB", "bytes";
 * empty or NULL: scale), failing with VIR_ERR_OVERFLOW above limit, as
 * upstream's virScaleInteger does. */
int virScaleInteger(unsigned long long *value, const char *suffix,
                    unsigned long long scale, unsigned long long limit);

/* Strict number parsing: the whole string must be the number. */
int virStrToLong_i(const char *str, char **end, int base, int *result);
int virStrToLong_ui(const char *str, char **end, int base,
                    unsigned int *result);
int virStrToLong_ll(const char *str, char **end, int base,
                    long long *result);
int virStrToLong_ull(const char *str, char **end, int base,
                     unsigned long long *result);
/* Like virStrToLong_ull but rejects a leading '-'. */
int virStrToLong_ullp(const char *str, char **end, int base,
                      unsigned long long *result);
int virStrToLong_uip(const char *str, char **end, int base,
                     unsigned int *result);

/* ---- Formatting ---- */

/* Adds <name attrs/> or <name attrs>children</name> to buf; nothing when
 * both attrBuf and childBuf are empty.  Both buffers are emptied.  childBuf
 * should be initialised with VIR_BUFFER_INIT_CHILD(buf). */
void virXMLFormatElement(virBuffer *buf, const char *name,
                         virBuffer *attrBuf, virBuffer *childBuf);
/* The same, but <name/> is written even when both are empty. */
void virXMLFormatElementEmpty(virBuffer *buf, const char *name,
                              virBuffer *attrBuf, virBuffer *childBuf);

/* Writes a copy of a foreign subtree (metadata, namespaced elements) at
 * buf's indentation, with libxml2's two-space indentation inside. */
void virXMLFormatNode(virBuffer *buf, xmlNodePtr node);

/* A deep copy of node in a new document of its own (so it outlives the
 * document it came from); free with xmlFreeDoc(copy->doc). */
xmlNodePtr virXMLNodeCopyDetached(xmlNodePtr node);
void virXMLNodeFreeDetached(xmlNodePtr node);
