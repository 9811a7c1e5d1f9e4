/*
 * nwfilter_conf.c: parsing and formatting <filter> documents: the chain
 * a filter goes to, its priority there, and its entries (rules, whose
 * protocol details are in nwfilter_rule.c, and filter references).
 */
#include <string.h>

#include "nwfilter_conf.h"
#include "util/virerror.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

VIR_ENUM_IMPL(virNWFilterChainSuffix,
              VIR_NWFILTER_CHAINSUFFIX_LAST,
              "root", "mac", "vlan", "stp", "arp", "rarp", "ipv4", "ipv6");

#define VIR_NWFILTER_MAX_CHAIN_SUFFIX_SIZE 12
#define VIR_NWFILTER_MIN_FILTER_PRIORITY -1000
#define VIR_NWFILTER_MAX_FILTER_PRIORITY VIR_NWFILTER_MAX_RULE_PRIORITY
#define VIR_NWFILTER_VALID_CHAINNAME \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-"

/* The default priority of the chains that have one (stp has none). */
static const struct {
    const char *prefix;
    int priority;
} chainPriorities[] = {
    {"root", 0}, {"mac", -800}, {"vlan", -750}, {"ipv4", -700},
    {"ipv6", -600}, {"arp", -500}, {"rarp", -400},
};

static void
virNWFilterEntryClear(virNWFilterEntry *entry)
{
    virNWFilterRuleDefFree(entry->rule);
    g_free(entry->filterref);
    virNWFilterParamsClear(&entry->params);
}

void
virNWFilterDefFree(virNWFilterDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->chainsuffix);
    for (i = 0; i < def->nentries; i++)
        virNWFilterEntryClear(&def->entries[i]);
    g_free(def->entries);
    g_free(def);
}

/* The chain type a chain name stands for ("root" exactly, or a name
 * starting with one of the other types), or NULL with an error. */
static const char *
virNWFilterAllowedChain(const char *chain)
{
    g_auto(virBuffer) msg = VIR_BUFFER_INITIALIZER;
    size_t i;

    if (strlen(chain) > VIR_NWFILTER_MAX_CHAIN_SUFFIX_SIZE) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Name of chain is longer than %u characters",
                       VIR_NWFILTER_MAX_CHAIN_SUFFIX_SIZE);
        return NULL;
    }
    if (chain[strspn(chain, VIR_NWFILTER_VALID_CHAINNAME)] != '\0') {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Chain name contains invalid characters");
        return NULL;
    }
    for (i = 0; i < VIR_NWFILTER_CHAINSUFFIX_LAST; i++) {
        const char *name = virNWFilterChainSuffixTypeToString(i);

        if (i == VIR_NWFILTER_CHAINSUFFIX_ROOT) {
            if (g_str_equal(chain, name))
                return name;
            /* upstream fails here without a message; we give the
             * invalid name one */
            if (g_str_has_prefix(chain, name))
                break;
            continue;
        }
        if (g_str_has_prefix(chain, name))
            return name;
    }
    virBufferAsprintf(&msg,
                      "Invalid chain name '%s'. Please use a chain name called '%s' or any of the following prefixes: ",
                      chain, "root");
    for (i = 1; i < VIR_NWFILTER_CHAINSUFFIX_LAST; i++) {
        if (i > 1)
            virBufferAddLit(&msg, ", ");
        virBufferAddStr(&msg, virNWFilterChainSuffixTypeToString(i));
    }
    virReportError(VIR_ERR_INVALID_ARG, "%s", virBufferCurrentContent(&msg));
    return NULL;
}

static int
virNWFilterParseChain(xmlNodePtr root, virNWFilterDef *def)
{
    g_autofree char *chain = virXMLPropString(root, "chain");
    g_autofree char *prio = virXMLPropString(root, "priority");
    const char *prefix;
    int priority = 0;
    size_t i;

    if (prio) {
        if (virStrToLong_i(prio, NULL, 10, &priority) < 0) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Could not parse chain priority '%s'", prio);
            return -1;
        }
        if (priority < VIR_NWFILTER_MIN_FILTER_PRIORITY ||
            priority > VIR_NWFILTER_MAX_FILTER_PRIORITY) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Priority '%d' is outside valid range of [%d,%d]",
                           priority, VIR_NWFILTER_MIN_FILTER_PRIORITY,
                           VIR_NWFILTER_MAX_FILTER_PRIORITY);
            return -1;
        }
    }
    if (!chain) {
        /* without a chain, a priority is checked but not kept (upstream) */
        def->chainsuffix = g_strdup("root");
        return 0;
    }
    if (!(prefix = virNWFilterAllowedChain(chain)))
        return -1;
    def->chainsuffix = g_steal_pointer(&chain);
    if (prio) {
        def->chainPriority = priority;
        return 0;
    }
    def->chainPriority = (VIR_NWFILTER_MAX_FILTER_PRIORITY +
                          VIR_NWFILTER_MIN_FILTER_PRIORITY) / 2;
    for (i = 0; i < G_N_ELEMENTS(chainPriorities); i++) {
        if (g_str_equal(chainPriorities[i].prefix, prefix))
            def->chainPriority = chainPriorities[i].priority;
    }
    return 0;
}

virNWFilterDef *
virNWFilterDefParseString(const char *xml, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(virNWFilterDef) def = g_new0(virNWFilterDef, 1);
    g_autofree char *uuid = NULL;
    xmlNodePtr root;
    xmlNodePtr cur;
    size_t n = 0;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(nwfilter_definition)", "filter")))
        return NULL;
    root = xmlDocGetRootElement(doc);
    virXMLNodeMarkConsumed(root);

    if (!(def->name = virXMLPropString(root, "name"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "filter has no name");
        return NULL;
    }
    if (virNWFilterParseChain(root, def) < 0)
        return NULL;

    uuid = virXMLChildContent(root, "uuid");
    def->uuid_specified = uuid && *uuid;
    if (!def->uuid_specified) {
        virUUIDGenerate(def->uuid);
    } else if (virUUIDParse(uuid, def->uuid) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed uuid element");
        return NULL;
    }

    for (cur = virXMLFirstElement(root); cur; cur = virXMLNextElement(cur))
        n++;
    def->entries = g_new0(virNWFilterEntry, n);
    for (cur = virXMLFirstElement(root); cur; cur = virXMLNextElement(cur)) {
        virNWFilterEntry *entry = &def->entries[def->nentries];

        if (virXMLNodeNameEqual(cur, "rule")) {
            virXMLNodeMarkConsumed(cur);
            if (!(entry->rule = virNWFilterRuleParseXML(cur)))
                return NULL;
            def->nentries++;
        } else if (virXMLNodeNameEqual(cur, "filterref")) {
            virXMLNodeMarkConsumed(cur);
            if (!(entry->filterref = virXMLPropString(cur, "filter"))) {
                /* upstream's wording */
                virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                               "rule node requires action attribute");
                return NULL;
            }
            virNWFilterParamsParseXML(cur, &entry->params);
            def->nentries++;
        }
    }

    if ((flags & VIR_NWFILTER_PARSE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

char *
virNWFilterDefFormat(const virNWFilterDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    size_t i;

    virBufferEscapeString(&buf, "<filter name='%s'", def->name);
    virBufferEscapeString(&buf, " chain='%s'", def->chainsuffix);
    if (def->chainPriority != 0)
        virBufferAsprintf(&buf, " priority='%d'", def->chainPriority);
    virBufferAddLit(&buf, ">\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferAsprintf(&buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->uuid, uuidstr));
    for (i = 0; i < def->nentries; i++) {
        const virNWFilterEntry *entry = &def->entries[i];

        if (entry->rule)
            virNWFilterRuleFormat(&buf, entry->rule);
        else
            virNWFilterParamsFormat(&buf, entry->filterref, &entry->params);
    }
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</filter>\n");
    return virBufferContentAndReset(&buf);
}
