/*
 * domain_metadata.c: reading and changing a definition's <title>,
 * <description> and <metadata> elements for virDomainGetMetadata and
 * virDomainSetMetadata.
 *
 * Elements of <metadata> are told apart by their namespace URI: an
 * application owns one namespace and replaces its element as a whole.
 * Reading one gives it back without the namespace prefix, as upstream
 * does.
 */
#include "domain_conf.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

static xmlNodePtr
virDomainMetadataFind(xmlNodePtr metadata, const char *uri)
{
    xmlNodePtr cur;

    for (cur = metadata ? metadata->children : NULL; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE && cur->ns && cur->ns->href &&
            STREQ((const char *)cur->ns->href, uri))
            return cur;
    }
    return NULL;
}

static void
virDomainMetadataSetNs(xmlNodePtr node, xmlNsPtr ns)
{
    xmlNodePtr cur;

    if (node->type != XML_ELEMENT_NODE)
        return;
    xmlSetNs(node, ns);
    for (cur = node->children; cur; cur = cur->next)
        virDomainMetadataSetNs(cur, ns);
}

static void
virDomainMetadataClearNs(xmlNodePtr node)
{
    xmlNodePtr cur;

    if (node->type != XML_ELEMENT_NODE)
        return;
    node->ns = NULL;
    if (node->nsDef) {
        xmlFreeNsList(node->nsDef);
        node->nsDef = NULL;
    }
    for (cur = node->children; cur; cur = cur->next)
        virDomainMetadataClearNs(cur);
}

static char *
virDomainMetadataNotFound(void)
{
    virReportError(VIR_ERR_NO_DOMAIN_METADATA, "%s",
                   "Requested metadata element is not present");
    return NULL;
}

char *
virDomainDefGetMetadata(const virDomainDef *def, int type, const char *uri)
{
    xmlNodePtr node;
    xmlNodePtr copy;
    xmlBufferPtr xmlbuf;
    int oldIndent = xmlIndentTreeOutput;
    char *ret;

    switch (type) {
    case VIR_DOMAIN_METADATA_DESCRIPTION:
        return def->description ? g_strdup(def->description)
                                : virDomainMetadataNotFound();
    case VIR_DOMAIN_METADATA_TITLE:
        return def->title ? g_strdup(def->title)
                          : virDomainMetadataNotFound();
    case VIR_DOMAIN_METADATA_ELEMENT:
        break;
    default:
        virReportError(VIR_ERR_INVALID_ARG, "unknown metadata type '%d'",
                       type);
        return NULL;
    }
    if (!(node = virDomainMetadataFind(def->metadata, uri)))
        return virDomainMetadataNotFound();

    copy = virXMLNodeCopyDetached(node);
    virDomainMetadataClearNs(copy);
    xmlbuf = xmlBufferCreate();
    xmlIndentTreeOutput = 1;
    xmlNodeDump(xmlbuf, copy->doc, copy, 0, 1);
    xmlIndentTreeOutput = oldIndent;
    ret = g_strdup((const char *)xmlBufferContent(xmlbuf));
    xmlBufferFree(xmlbuf);
    virXMLNodeFreeDetached(copy);
    return ret;
}

static int
virDomainDefSetMetadataElement(virDomainDef *def, const char *metadata,
                               const char *key, const char *uri)
{
    g_autoptr(xmlDoc) doc = NULL;
    xmlNodePtr old;
    xmlNodePtr added;
    xmlNsPtr ns;

    if (metadata && *metadata &&
        !(doc = virXMLParseStringCtxt(VIR_FROM_THIS, metadata,
                                      "(metadata_xml)", NULL)))
        return -1;
    if (!def->metadata) {
        xmlDocPtr mdoc = xmlNewDoc(BAD_CAST "1.0");

        def->metadata = xmlNewDocNode(mdoc, NULL, BAD_CAST "metadata", NULL);
        xmlDocSetRootElement(mdoc, def->metadata);
    }
    while ((old = virDomainMetadataFind(def->metadata, uri))) {
        xmlUnlinkNode(old);
        xmlFreeNode(old);
    }
    if (!doc)
        return 0;
    added = xmlDocCopyNode(xmlDocGetRootElement(doc), def->metadata->doc, 1);
    xmlAddChild(def->metadata, added);
    ns = xmlNewNs(added, BAD_CAST uri, BAD_CAST key);
    virDomainMetadataSetNs(added, ns);
    return 0;
}

int
virDomainDefSetMetadata(virDomainDef *def, int type, const char *metadata,
                        const char *key, const char *uri)
{
    const char *value = metadata && *metadata ? metadata : NULL;

    switch (type) {
    case VIR_DOMAIN_METADATA_DESCRIPTION:
        g_free(def->description);
        def->description = g_strdup(value);
        return 0;
    case VIR_DOMAIN_METADATA_TITLE:
        if (value && strchr(value, '\n')) {
            /* Upstream words this one without the generic prefix. */
            virRaiseErrorFull(__FILE__, __func__, __LINE__, VIR_FROM_THIS,
                              VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, NULL, NULL,
                              NULL, 0, 0, "%s",
                              "metadata title can't contain newlines");
            return -1;
        }
        g_free(def->title);
        def->title = g_strdup(value);
        return 0;
    case VIR_DOMAIN_METADATA_ELEMENT:
        return virDomainDefSetMetadataElement(def, metadata, key, uri);
    default:
        virReportError(VIR_ERR_INVALID_ARG, "unknown metadata type '%d'",
                       type);
        return -1;
    }
}
