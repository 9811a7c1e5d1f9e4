/*
 * nwfilter_binding_conf.c: parsing and formatting <filterbinding>.
 */
#include "nwfilter_binding_conf.h"
#include "conf_xmlprop.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

void
virNWFilterBindingDefFree(virNWFilterBindingDef *def)
{
    if (!def)
        return;
    g_free(def->ownername);
    g_free(def->portdevname);
    g_free(def->linkdevname);
    g_free(def->filter);
    virNWFilterParamsClear(&def->filterparams);
    g_free(def);
}

/* The attribute attr of the first child called name, or NULL. */
static char *
virNWFilterBindingChildProp(xmlNodePtr root, const char *name,
                            const char *attr)
{
    return virConfXMLPropNonEmpty(virXMLChild(root, name), attr);
}

virNWFilterBindingDef *
virNWFilterBindingDefParseString(const char *xml, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(virNWFilterBindingDef) def = g_new0(virNWFilterBindingDef, 1);
    g_autofree char *uuid = NULL;
    g_autofree char *mac = NULL;
    xmlNodePtr root;
    xmlNodePtr node;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(nwfilterbinding_definition)",
                                      "filterbinding")))
        return NULL;
    root = xmlDocGetRootElement(doc);
    virXMLNodeMarkConsumed(root);

    if (!(def->portdevname = virNWFilterBindingChildProp(root, "portdev",
                                                         "name"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "filter binding has no port dev name");
        return NULL;
    }
    if (virXMLChildCount(root, "linkdev") > 0 &&
        !(def->linkdevname = virNWFilterBindingChildProp(root, "linkdev",
                                                         "name"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "filter binding has no link dev name");
        return NULL;
    }

    node = virXMLChild(root, "owner");
    if (!node || !(def->ownername = virXMLChildContent(node, "name")) ||
        !*def->ownername) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "filter binding has no owner name");
        return NULL;
    }
    if (!(uuid = virXMLChildContent(node, "uuid")) || !*uuid) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "filter binding has no owner UUID");
        return NULL;
    }
    if (virUUIDParse(uuid, def->owneruuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse UUID '%s'",
                       uuid);
        return NULL;
    }

    if (!(mac = virNWFilterBindingChildProp(root, "mac", "address"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "filter binding has no MAC address");
        return NULL;
    }
    if (virNWFilterParseMAC(mac, def->mac) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse MAC '%s'", mac);
        return NULL;
    }

    if ((node = virXMLChild(root, "filterref")))
        def->filter = virXMLPropString(node, "filter");
    if (!def->filter || !*def->filter) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "filter binding has no filter reference");
        return NULL;
    }
    virNWFilterParamsParseXML(node, &def->filterparams);

    if ((flags & VIR_NWFILTER_BINDING_PARSE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

char *
virNWFilterBindingDefFormat(const virNWFilterBindingDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virBufferAddLit(&buf, "<filterbinding>\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferAddLit(&buf, "<owner>\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<name>%s</name>\n", def->ownername);
    virBufferAsprintf(&buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->owneruuid, uuidstr));
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</owner>\n");
    virBufferEscapeString(&buf, "<portdev name='%s'/>\n", def->portdevname);
    virBufferEscapeString(&buf, "<linkdev name='%s'/>\n", def->linkdevname);
    virBufferAsprintf(&buf,
                      "<mac address='%02x:%02x:%02x:%02x:%02x:%02x'/>\n",
                      def->mac[0], def->mac[1], def->mac[2], def->mac[3],
                      def->mac[4], def->mac[5]);
    virNWFilterParamsFormat(&buf, def->filter, &def->filterparams);
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</filterbinding>\n");
    return virBufferContentAndReset(&buf);
}
