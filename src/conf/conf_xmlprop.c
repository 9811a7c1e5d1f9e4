/*
 * conf_xmlprop.c: attribute and child readers where empty means absent.
 */
#include "conf_xmlprop.h"
#include "internal.h"
#include "util/virxml.h"

/* Drops an empty string, as XPath string() tests do. */
static char *
virConfXMLNonEmpty(char *value)
{
    if (value && !*value)
        g_clear_pointer(&value, g_free);
    return value;
}

char *
virConfXMLPropNonEmpty(xmlNodePtr node, const char *name)
{
    return node ? virConfXMLNonEmpty(virXMLPropString(node, name)) : NULL;
}

char *
virConfXMLChildNonEmpty(xmlNodePtr parent, const char *name)
{
    return parent ? virConfXMLNonEmpty(virXMLChildContent(parent, name))
                  : NULL;
}

/* The signed and unsigned readers differ only in the conversion. */
static int
virConfXMLPropNumberRaw(xmlNodePtr node, const char *name, bool isSigned,
                        void *result)
{
    g_autofree char *value = virConfXMLPropNonEmpty(node, name);
    int rc;

    if (!value)
        return 0;
    if (isSigned)
        rc = virStrToLong_i(value, NULL, 10, result);
    else
        rc = virStrToLong_ui(value, NULL, 10, result);
    return rc < 0 ? -2 : 1;
}

int
virConfXMLPropIntRaw(xmlNodePtr node, const char *name, int *result)
{
    return virConfXMLPropNumberRaw(node, name, true, result);
}

int
virConfXMLPropUIntRaw(xmlNodePtr node, const char *name,
                      unsigned int *result)
{
    return virConfXMLPropNumberRaw(node, name, false, result);
}
