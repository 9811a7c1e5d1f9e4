/*
 * domain_resource.c: <resource>: partition and fibre channel app id.  A
 * <resource> saying neither is dropped, as upstream drops it.
 */
#include "domain_resource.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* The length bounds of a Fibre Channel application id. */
#define VIR_APPID_LEN_MIN 1
#define VIR_APPID_LEN_MAX 128

virDomainResourceDef *
virDomainResourceNew(void)
{
    return g_new0(virDomainResourceDef, 1);
}

void
virDomainResourceFree(virDomainResourceDef *part)
{
    if (!part)
        return;
    g_free(part->partition);
    g_free(part->appid);
    g_free(part);
}

int
virDomainDefResourceParseXML(xmlNodePtr root, virDomainDef *def,
                             unsigned int flags G_GNUC_UNUSED)
{
    virDomainResourceDef *res;
    xmlNodePtr node;
    xmlNodePtr fc;

    if (virXMLChildCount(root, "resource") > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one resource element is supported");
        return -1;
    }
    if (!(node = virXMLChild(root, "resource")))
        return 0;

    res = virDomainResourceNew();
    /* Empty values count as missing, as upstream reads them. */
    res->partition = virXMLChildContent(node, "partition");
    if (res->partition && !*res->partition)
        g_clear_pointer(&res->partition, g_free);
    if ((fc = virXMLChild(node, "fibrechannel")))
        res->appid = virXMLPropString(fc, "appid");
    if (res->appid && !*res->appid)
        g_clear_pointer(&res->appid, g_free);
    if (!res->partition && !res->appid) {
        /* Upstream fails here without saying why. */
        virDomainResourceFree(res);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "An error occurred, but the cause is unknown");
        return -1;
    }
    def->resource = res;
    return 0;
}

int
virDomainDefResourcePostParse(virDomainDef *def,
                              unsigned int flags G_GNUC_UNUSED)
{
    const char *appid = def->resource ? def->resource->appid : NULL;
    size_t len;
    size_t i;

    if (!appid)
        return 0;
    for (i = 0; appid[i]; i++) {
        if (!g_ascii_isprint(appid[i])) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Fibre Channel 'appid' is not a printable string");
            return -1;
        }
    }
    len = strlen(appid);
    if (len < VIR_APPID_LEN_MIN || len > VIR_APPID_LEN_MAX) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Fibre Channel 'appid' string length must be between [%d, %d]",
                       VIR_APPID_LEN_MIN, VIR_APPID_LEN_MAX);
        return -1;
    }
    return 0;
}

int
virDomainDefResourceFormat(virBuffer *buf, const virDomainDef *def,
                           unsigned int flags G_GNUC_UNUSED)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (!def->resource)
        return 0;
    virBufferEscapeString(&childBuf, "<partition>%s</partition>\n",
                          def->resource->partition);
    virBufferEscapeString(&childBuf, "<fibrechannel appid='%s'/>\n",
                          def->resource->appid);
    virXMLFormatElement(buf, "resource", NULL, &childBuf);
    return 0;
}
