/*
 * domain_pm.c: <pm> and <perf>.
 *
 * Both are written only when something in them is set; each perf event
 * may be named once.
 */
#include "domain_pm.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virPerfEvent, VIR_PERF_EVENT_LAST,
              "cmt", "mbmt", "mbml", "cpu_cycles", "instructions",
              "cache_references", "cache_misses", "branch_instructions",
              "branch_misses", "bus_cycles", "stalled_cycles_frontend",
              "stalled_cycles_backend", "ref_cpu_cycles", "cpu_clock",
              "task_clock", "page_faults", "context_switches",
              "cpu_migrations", "page_faults_min", "page_faults_maj",
              "alignment_faults", "emulation_faults");

virDomainPMDef *
virDomainPMNew(void)
{
    return g_new0(virDomainPMDef, 1);
}

void
virDomainPMFree(virDomainPMDef *pm)
{
    g_free(pm);
}

static int
virDomainPMParseState(xmlNodePtr pmNode, const char *name,
                      virTristateBool *result)
{
    xmlNodePtr node = virXMLChild(pmNode, name);

    if (!node)
        return 0;
    return virXMLPropTristateBool(node, "enabled", VIR_XML_PROP_NONE, result);
}

int
virDomainDefPMParseXML(xmlNodePtr root, virDomainDef *def,
                       unsigned int flags G_GNUC_UNUSED)
{
    virDomainPMDef *pm = def->pm;
    xmlNodePtr node;
    g_autofree xmlNodePtr *events = NULL;
    size_t n;
    size_t i;

    if ((node = virXMLChild(root, "pm")) &&
        (virDomainPMParseState(node, "suspend-to-mem", &pm->s3) < 0 ||
         virDomainPMParseState(node, "suspend-to-disk", &pm->s4) < 0))
        return -1;

    if (!(node = virXMLChild(root, "perf")))
        return 0;
    n = virXMLChildren(node, "event", &events);
    for (i = 0; i < n; i++) {
        int name;
        virTristateBool enabled;

        if (virXMLPropEnum(events[i], "name", virPerfEventTypeFromString,
                           VIR_XML_PROP_REQUIRED, &name) < 0 ||
            virXMLPropTristateBool(events[i], "enabled",
                                   VIR_XML_PROP_REQUIRED, &enabled) < 0)
            return -1;
        if (pm->perf[name]) {
            virReportError(VIR_ERR_XML_ERROR,
                           "perf event '%s' was already specified",
                           virPerfEventTypeToString(name));
            return -1;
        }
        pm->perf[name] = enabled;
    }
    return 0;
}

int
virDomainDefPMPostParse(virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

int
virDomainDefPMFormat(virBuffer *buf, const virDomainDef *def,
                     unsigned int flags G_GNUC_UNUSED)
{
    const virDomainPMDef *pm = def->pm;
    g_auto(virBuffer) pmBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) perfBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (pm->s3)
        virBufferAsprintf(&pmBuf, "<suspend-to-mem enabled='%s'/>\n",
                          virTristateBoolTypeToString(pm->s3));
    if (pm->s4)
        virBufferAsprintf(&pmBuf, "<suspend-to-disk enabled='%s'/>\n",
                          virTristateBoolTypeToString(pm->s4));
    virXMLFormatElement(buf, "pm", NULL, &pmBuf);

    for (i = 0; i < VIR_PERF_EVENT_LAST; i++) {
        if (pm->perf[i])
            virBufferAsprintf(&perfBuf, "<event name='%s' enabled='%s'/>\n",
                              virPerfEventTypeToString(i),
                              virTristateBoolTypeToString(pm->perf[i]));
    }
    virXMLFormatElement(buf, "perf", NULL, &perfBuf);
    return 0;
}
