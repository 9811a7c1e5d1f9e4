/*
 * domain_features.c: <features>.
 *
 * Every child of <features> is one feature, kept in features[] by its
 * index; the simple ones are a tri-state, the others keep their own enum
 * there plus details in the other fields.  Formatting walks the features
 * in enum order, which is upstream's output order.
 */
#include "domain_features.h"
#include "device_info.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainFeature, VIR_DOMAIN_FEATURE_LAST,
              "acpi", "apic", "pae", "hap", "viridian", "privnet", "hyperv",
              "kvm", "pvspinlock", "capabilities", "pmu", "vmport", "gic",
              "smm", "ioapic", "hpt", "vmcoreinfo", "htm", "nested-hv",
              "msrs", "ccf-assist", "xen", "cfpc", "sbbc", "ibs", "tcg");

VIR_ENUM_IMPL(virDomainHyperVMode, VIR_DOMAIN_HYPERV_MODE_LAST,
              "none", "custom", "passthrough");

VIR_ENUM_IMPL(virDomainHyperv, VIR_DOMAIN_HYPERV_LAST,
              "relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic",
              "stimer", "reset", "vendor_id", "frequencies",
              "reenlightenment", "tlbflush", "ipi", "evmcs", "avic");

VIR_ENUM_IMPL(virDomainKVM, VIR_DOMAIN_KVM_LAST,
              "hidden", "hint-dedicated", "poll-control", "pv-ipi",
              "dirty-ring");

VIR_ENUM_IMPL(virDomainXen, VIR_DOMAIN_XEN_LAST, "e820_host", "passthrough");

VIR_ENUM_IMPL(virDomainXenPassthroughMode,
              VIR_DOMAIN_XEN_PASSTHROUGH_MODE_LAST,
              "default", "sync_pt", "share_pt");

VIR_ENUM_IMPL(virDomainCapabilitiesPolicy,
              VIR_DOMAIN_CAPABILITIES_POLICY_LAST,
              "default", "allow", "deny");

VIR_ENUM_IMPL(virDomainProcessCapsFeature, VIR_DOMAIN_PROCESS_CAPS_LAST,
              "audit_control", "audit_write", "block_suspend", "chown",
              "dac_override", "dac_read_search", "fowner", "fsetid",
              "ipc_lock", "ipc_owner", "kill", "lease", "linux_immutable",
              "mac_admin", "mac_override", "mknod", "net_admin",
              "net_bind_service", "net_broadcast", "net_raw", "setgid",
              "setfcap", "setpcap", "setuid", "sys_admin", "sys_boot",
              "sys_chroot", "sys_module", "sys_nice", "sys_pacct",
              "sys_ptrace", "sys_rawio", "sys_resource", "sys_time",
              "sys_tty_config", "syslog", "wake_alarm");

VIR_ENUM_IMPL(virDomainMsrsUnknown, VIR_DOMAIN_MSRS_UNKNOWN_LAST,
              "ignore", "fault");

VIR_ENUM_IMPL(virGICVersion, VIR_GIC_VERSION_LAST, "none", "host", "2", "3");

VIR_ENUM_IMPL(virDomainIOAPIC, VIR_DOMAIN_IOAPIC_LAST, "none", "qemu", "kvm");

VIR_ENUM_IMPL(virDomainHPTResizing, VIR_DOMAIN_HPT_RESIZING_LAST,
              "none", "enabled", "disabled", "required");

VIR_ENUM_IMPL(virDomainCFPC, VIR_DOMAIN_CFPC_LAST,
              "none", "broken", "workaround", "fixed");

VIR_ENUM_IMPL(virDomainIBS, VIR_DOMAIN_IBS_LAST,
              "none", "broken", "workaround", "fixed-ibs", "fixed-ccd",
              "fixed-na");

#define VIR_DOMAIN_HYPERV_VENDOR_ID_MAX 12

virDomainFeaturesDef *
virDomainFeaturesNew(void)
{
    return g_new0(virDomainFeaturesDef, 1);
}

void
virDomainFeaturesFree(virDomainFeaturesDef *feat)
{
    if (!feat)
        return;
    g_free(feat->hypervVendorId);
    g_free(feat);
}

/* ---- Parsing ---- */

/* A state='on|off' attribute that defaults to on when absent. */
static int
virDomainFeatureParseStateOn(xmlNodePtr node, int *result)
{
    virTristateSwitch state;

    if (virXMLPropTristateSwitch(node, "state", VIR_XML_PROP_NONE,
                                 &state) < 0)
        return -1;
    *result = state ? state : VIR_TRISTATE_SWITCH_ON;
    return 0;
}

/* One child of <hyperv>, <kvm> or <xen>: a known name with a required
 * state. */
static int
virDomainFeatureParseSubState(xmlNodePtr child,
                              int (*fromString)(const char *),
                              const char *family, int *which,
                              virTristateSwitch *value)
{
    if ((*which = fromString((const char *)child->name)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unsupported %s feature: %s", family,
                       (const char *)child->name);
        return -1;
    }
    virXMLNodeMarkConsumed(child);
    if (virXMLPropTristateSwitch(child, "state", VIR_XML_PROP_REQUIRED,
                                 value) < 0)
        return -1;
    return 0;
}

static int
virDomainFeatureParseHyperV(xmlNodePtr node, virDomainFeaturesDef *feat)
{
    xmlNodePtr child;
    int mode;

    if (virXMLPropEnumDefault(node, "mode", virDomainHyperVModeTypeFromString,
                              VIR_XML_PROP_NONZERO, &mode,
                              VIR_DOMAIN_HYPERV_MODE_CUSTOM) < 0)
        return -1;
    feat->features[VIR_DOMAIN_FEATURE_HYPERV] = mode;

    for (child = virXMLFirstElement(node); child;
         child = virXMLNextElement(child)) {
        int which;
        virTristateSwitch value;
        xmlNodePtr sub;

        if (virDomainFeatureParseSubState(child, virDomainHypervTypeFromString,
                                          "HyperV Enlightenment", &which,
                                          &value) < 0)
            return -1;
        feat->hyperv[which] = value;
        if (value != VIR_TRISTATE_SWITCH_ON)
            continue;

        switch ((virDomainHyperv) which) {
        case VIR_DOMAIN_HYPERV_STIMER:
            for (sub = virXMLFirstElement(child); sub;
                 sub = virXMLNextElement(sub)) {
                if (!xmlStrEqual(sub->name, BAD_CAST "direct")) {
                    virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                                   "unsupported Hyper-V stimer feature: %s",
                                   (const char *)sub->name);
                    return -1;
                }
                virXMLNodeMarkConsumed(sub);
                if (virXMLPropTristateSwitch(sub, "state",
                                             VIR_XML_PROP_REQUIRED,
                                             &feat->hypervStimerDirect) < 0)
                    return -1;
            }
            break;
        case VIR_DOMAIN_HYPERV_SPINLOCKS:
            if (virXMLPropUInt(child, "retries", 0, VIR_XML_PROP_REQUIRED,
                               &feat->hypervSpinlocks) < 0)
                return -1;
            if (feat->hypervSpinlocks < 0xFFF) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "HyperV spinlock retry count must be at least 4095");
                return -1;
            }
            break;
        case VIR_DOMAIN_HYPERV_VENDOR_ID:
            if (!(feat->hypervVendorId = virXMLPropString(child, "value"))) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "missing 'value' attribute for HyperV feature 'vendor_id'");
                return -1;
            }
            if (strlen(feat->hypervVendorId) >
                VIR_DOMAIN_HYPERV_VENDOR_ID_MAX) {
                virReportError(VIR_ERR_XML_ERROR,
                               "HyperV vendor_id value must not be more than %d characters.",
                               VIR_DOMAIN_HYPERV_VENDOR_ID_MAX);
                return -1;
            }
            /* it ends up in a comma separated command line */
            if (strchr(feat->hypervVendorId, ',')) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "HyperV vendor_id value is invalid");
                return -1;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

static int
virDomainFeatureParseKVM(xmlNodePtr node, virDomainFeaturesDef *feat)
{
    xmlNodePtr child;

    for (child = virXMLFirstElement(node); child;
         child = virXMLNextElement(child)) {
        int which;
        virTristateSwitch value;
        unsigned int size;

        if (virDomainFeatureParseSubState(child, virDomainKVMTypeFromString,
                                          "KVM", &which, &value) < 0)
            return -1;
        feat->kvm[which] = value;
        if (which != VIR_DOMAIN_KVM_DIRTY_RING ||
            value != VIR_TRISTATE_SWITCH_ON)
            continue;
        if (virXMLPropUInt(child, "size", 0, VIR_XML_PROP_REQUIRED,
                           &size) < 0)
            return -1;
        if ((size & (size - 1)) != 0 || size < 1024 || size > 65536) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "dirty ring must be power of 2 and ranges [1024, 65536]");
            return -1;
        }
        feat->kvmDirtyRingSize = size;
    }
    feat->features[VIR_DOMAIN_FEATURE_KVM] = VIR_TRISTATE_SWITCH_ON;
    return 0;
}

static int
virDomainFeatureParseXen(xmlNodePtr node, virDomainFeaturesDef *feat)
{
    xmlNodePtr child;
    int mode;

    feat->features[VIR_DOMAIN_FEATURE_XEN] = VIR_TRISTATE_SWITCH_ON;
    for (child = virXMLFirstElement(node); child;
         child = virXMLNextElement(child)) {
        int which;
        virTristateSwitch value;

        if (virDomainFeatureParseSubState(child, virDomainXenTypeFromString,
                                          "Xen", &which, &value) < 0)
            return -1;
        feat->xen[which] = value;
        if (which == VIR_DOMAIN_XEN_PASSTHROUGH &&
            value == VIR_TRISTATE_SWITCH_ON) {
            if (virXMLPropEnum(child, "mode",
                               virDomainXenPassthroughModeTypeFromString,
                               VIR_XML_PROP_NONZERO, &mode) < 0)
                return -1;
            feat->xenPassthroughMode = mode;
        }
    }
    return 0;
}

static int
virDomainFeatureParseCaps(xmlNodePtr node, virDomainFeaturesDef *feat)
{
    xmlNodePtr child;
    int policy;

    if (virXMLPropEnumDefault(node, "policy",
                              virDomainCapabilitiesPolicyTypeFromString,
                              VIR_XML_PROP_NONE, &policy,
                              VIR_DOMAIN_CAPABILITIES_POLICY_DEFAULT) < 0)
        return -1;
    feat->features[VIR_DOMAIN_FEATURE_CAPABILITIES] = policy;

    for (child = virXMLFirstElement(node); child;
         child = virXMLNextElement(child)) {
        int which = virDomainProcessCapsFeatureTypeFromString(
            (const char *)child->name);
        int state;

        if (which < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unexpected capability feature '%s'",
                           (const char *)child->name);
            return -1;
        }
        virXMLNodeMarkConsumed(child);
        if (virDomainFeatureParseStateOn(child, &state) < 0)
            return -1;
        feat->caps[which] = state;
    }
    return 0;
}

static int
virDomainFeatureParseSMM(xmlNodePtr node, virDomainFeaturesDef *feat)
{
    xmlNodePtr tseg;
    int state;
    int rc;

    if (virDomainFeatureParseStateOn(node, &state) < 0)
        return -1;
    feat->features[VIR_DOMAIN_FEATURE_SMM] = state;
    if (state != VIR_TRISTATE_SWITCH_ON || !(tseg = virXMLChild(node, "tseg")))
        return 0;
    /* the size defaults to MiB */
    if ((rc = virXMLParseScaledValue(tseg, NULL, "unit", 1024 * 1024,
                                     G_MAXUINT64, false,
                                     &feat->tsegSize)) < 0)
        return -1;
    feat->tsegSpecified = rc > 0;
    return 0;
}

static int
virDomainFeatureParseHPT(xmlNodePtr node, virDomainFeaturesDef *feat)
{
    xmlNodePtr maxpage = virXMLChild(node, "maxpagesize");
    unsigned long long bytes = 0;
    int val;

    if (virXMLPropEnum(node, "resizing", virDomainHPTResizingTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    feat->hptResizing = val;
    if (maxpage &&
        virXMLParseScaledValue(maxpage, NULL, "unit", 1024, G_MAXUINT64,
                               false, &bytes) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Unable to parse HPT maxpagesize setting");
        return -1;
    }
    feat->hptMaxpagesize = bytes / 1024 + (bytes % 1024 ? 1 : 0);
    if (feat->hptResizing || feat->hptMaxpagesize)
        feat->features[VIR_DOMAIN_FEATURE_HPT] = VIR_TRISTATE_SWITCH_ON;
    return 0;
}

static int
virDomainFeatureParseTCG(xmlNodePtr node, virDomainFeaturesDef *feat)
{
    xmlNodePtr cache = virXMLChild(node, "tb-cache");
    unsigned long long bytes = 0;

    if (cache &&
        virXMLParseScaledValue(cache, NULL, "unit", 1024, G_MAXINT64, false,
                               &bytes) < 0)
        return -1;
    feat->tcgTbCache = bytes / 1024 + (bytes % 1024 ? 1 : 0);
    if (feat->tcgTbCache)
        feat->features[VIR_DOMAIN_FEATURE_TCG] = VIR_TRISTATE_SWITCH_ON;
    return 0;
}

static int
virDomainFeatureParseOne(xmlNodePtr node, int which,
                         virDomainFeaturesDef *feat)
{
    int val;

    switch ((virDomainFeature) which) {
    case VIR_DOMAIN_FEATURE_ACPI:
    case VIR_DOMAIN_FEATURE_PAE:
    case VIR_DOMAIN_FEATURE_VIRIDIAN:
    case VIR_DOMAIN_FEATURE_PRIVNET:
        feat->features[which] = VIR_TRISTATE_SWITCH_ON;
        return 0;
    case VIR_DOMAIN_FEATURE_APIC:
        if (virXMLPropTristateSwitch(node, "eoi", VIR_XML_PROP_NONE,
                                     &feat->apicEoi) < 0)
            return -1;
        feat->features[which] = VIR_TRISTATE_SWITCH_ON;
        return 0;
    case VIR_DOMAIN_FEATURE_MSRS:
        if (virXMLPropEnum(node, "unknown", virDomainMsrsUnknownTypeFromString,
                           VIR_XML_PROP_REQUIRED, &val) < 0)
            return -1;
        feat->msrsUnknown = val;
        feat->features[which] = VIR_TRISTATE_SWITCH_ON;
        return 0;
    case VIR_DOMAIN_FEATURE_HYPERV:
        return virDomainFeatureParseHyperV(node, feat);
    case VIR_DOMAIN_FEATURE_KVM:
        return virDomainFeatureParseKVM(node, feat);
    case VIR_DOMAIN_FEATURE_XEN:
        return virDomainFeatureParseXen(node, feat);
    case VIR_DOMAIN_FEATURE_CAPABILITIES:
        return virDomainFeatureParseCaps(node, feat);
    case VIR_DOMAIN_FEATURE_VMCOREINFO:
    case VIR_DOMAIN_FEATURE_HAP:
    case VIR_DOMAIN_FEATURE_PMU:
    case VIR_DOMAIN_FEATURE_PVSPINLOCK:
    case VIR_DOMAIN_FEATURE_VMPORT:
        return virDomainFeatureParseStateOn(node, &feat->features[which]);
    case VIR_DOMAIN_FEATURE_SMM:
        return virDomainFeatureParseSMM(node, feat);
    case VIR_DOMAIN_FEATURE_GIC:
        if (virXMLPropEnum(node, "version", virGICVersionTypeFromString,
                           VIR_XML_PROP_NONZERO, &val) < 0)
            return -1;
        feat->gicVersion = val;
        feat->features[which] = VIR_TRISTATE_SWITCH_ON;
        return 0;
    case VIR_DOMAIN_FEATURE_IOAPIC:
        return virXMLPropEnumDefault(node, "driver",
                                     virDomainIOAPICTypeFromString,
                                     VIR_XML_PROP_NONZERO,
                                     &feat->features[which],
                                     VIR_DOMAIN_IOAPIC_NONE) < 0 ? -1 : 0;
    case VIR_DOMAIN_FEATURE_HPT:
        return virDomainFeatureParseHPT(node, feat);
    case VIR_DOMAIN_FEATURE_CFPC:
    case VIR_DOMAIN_FEATURE_SBBC:
        return virXMLPropEnumDefault(node, "value",
                                     virDomainCFPCTypeFromString,
                                     VIR_XML_PROP_NONZERO,
                                     &feat->features[which],
                                     VIR_DOMAIN_CFPC_NONE) < 0 ? -1 : 0;
    case VIR_DOMAIN_FEATURE_IBS:
        return virXMLPropEnumDefault(node, "value",
                                     virDomainIBSTypeFromString,
                                     VIR_XML_PROP_NONZERO,
                                     &feat->features[which],
                                     VIR_DOMAIN_IBS_NONE) < 0 ? -1 : 0;
    case VIR_DOMAIN_FEATURE_HTM:
    case VIR_DOMAIN_FEATURE_NESTED_HV:
    case VIR_DOMAIN_FEATURE_CCF_ASSIST:
        if (virXMLPropTristateSwitch(node, "state", VIR_XML_PROP_REQUIRED,
                                     (virTristateSwitch *)&val) < 0)
            return -1;
        feat->features[which] = val;
        return 0;
    case VIR_DOMAIN_FEATURE_TCG:
        return virDomainFeatureParseTCG(node, feat);
    case VIR_DOMAIN_FEATURE_LAST:
        break;
    }
    return 0;
}

int
virDomainDefFeaturesParseXML(xmlNodePtr root, virDomainDef *def,
                             unsigned int flags G_GNUC_UNUSED)
{
    xmlNodePtr features = virXMLChild(root, "features");
    xmlNodePtr node;

    if (!features)
        return 0;
    for (node = virXMLFirstElement(features); node;
         node = virXMLNextElement(node)) {
        int which = virDomainFeatureTypeFromString((const char *)node->name);

        if (which < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unexpected feature '%s'",
                           (const char *)node->name);
            return -1;
        }
        virXMLNodeMarkConsumed(node);
        if (virDomainFeatureParseOne(node, which, def->features) < 0)
            return -1;
    }
    return 0;
}

int
virDomainDefFeaturesPostParse(virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

/* ---- Formatting ---- */

/* Writes what follows "<name state='...'" of one sub-feature, up to and
 * including the element's end. */
typedef void (*virDomainFeatureSubTailFunc)(virBuffer *buf,
                                            const virDomainFeaturesDef *feat,
                                            size_t i);

/* <hyperv>, <kvm> and <xen>: a wrapper holding one element per sub-feature
 * that is set, each with its state. */
static void
virDomainFeatureFormatSubStates(virBuffer *buf, const char *name,
                                const char *mode,
                                const virDomainFeaturesDef *feat,
                                const virTristateSwitch *states, size_t last,
                                const char *(*toString)(int),
                                virDomainFeatureSubTailFunc tail)
{
    size_t i;

    virBufferAsprintf(buf, "<%s", name);
    if (mode)
        virBufferAsprintf(buf, " mode='%s'", mode);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < last; i++) {
        if (!states[i])
            continue;
        virBufferAsprintf(buf, "<%s state='%s'", toString(i),
                          virTristateSwitchTypeToString(states[i]));
        tail(buf, feat, i);
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", name);
}

static void
virDomainFeatureFormatHyperVTail(virBuffer *buf,
                                 const virDomainFeaturesDef *feat, size_t i)
{
    bool on = feat->hyperv[i] == VIR_TRISTATE_SWITCH_ON;

    if (on && i == VIR_DOMAIN_HYPERV_SPINLOCKS) {
        virBufferAsprintf(buf, " retries='%d'/>\n",
                          (int)feat->hypervSpinlocks);
    } else if (on && i == VIR_DOMAIN_HYPERV_VENDOR_ID) {
        virBufferEscapeString(buf, " value='%s'/>\n", feat->hypervVendorId);
    } else if (on && i == VIR_DOMAIN_HYPERV_STIMER &&
               feat->hypervStimerDirect == VIR_TRISTATE_SWITCH_ON) {
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        virBufferAddLit(buf, "<direct state='on'/>\n");
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</stimer>\n");
    } else {
        virBufferAddLit(buf, "/>\n");
    }
}

static void
virDomainFeatureFormatKVMTail(virBuffer *buf,
                              const virDomainFeaturesDef *feat, size_t i)
{
    if (i == VIR_DOMAIN_KVM_DIRTY_RING && feat->kvmDirtyRingSize > 0)
        virBufferAsprintf(buf, " size='%d'", (int)feat->kvmDirtyRingSize);
    virBufferAddLit(buf, "/>\n");
}

static void
virDomainFeatureFormatXenTail(virBuffer *buf,
                              const virDomainFeaturesDef *feat, size_t i)
{
    if (i == VIR_DOMAIN_XEN_PASSTHROUGH &&
        feat->xen[i] == VIR_TRISTATE_SWITCH_ON &&
        feat->xenPassthroughMode)
        virBufferAsprintf(buf, " mode='%s'",
                          virDomainXenPassthroughModeTypeToString(
                              feat->xenPassthroughMode));
    virBufferAddLit(buf, "/>\n");
}

/* The largest unit that divides the byte count exactly. */
static unsigned long long
virDomainFeatureFormatPretty(unsigned long long val, const char **unit)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB",
                                         "PiB" };
    size_t i = 0;

    while (val != 0 && val % 1024 == 0 && i < G_N_ELEMENTS(units) - 1) {
        val /= 1024;
        i++;
    }
    *unit = units[i];
    return val;
}

static void
virDomainFeatureFormatOne(virBuffer *buf, const virDomainFeaturesDef *feat,
                          size_t i)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const char *name = virDomainFeatureTypeToString(i);
    int state = feat->features[i];
    size_t j;

    switch ((virDomainFeature) i) {
    case VIR_DOMAIN_FEATURE_ACPI:
    case VIR_DOMAIN_FEATURE_PAE:
    case VIR_DOMAIN_FEATURE_VIRIDIAN:
    case VIR_DOMAIN_FEATURE_PRIVNET:
        if (state == VIR_TRISTATE_SWITCH_ON)
            virBufferAsprintf(buf, "<%s/>\n", name);
        break;
    case VIR_DOMAIN_FEATURE_VMCOREINFO:
    case VIR_DOMAIN_FEATURE_HAP:
    case VIR_DOMAIN_FEATURE_PMU:
    case VIR_DOMAIN_FEATURE_PVSPINLOCK:
    case VIR_DOMAIN_FEATURE_VMPORT:
    case VIR_DOMAIN_FEATURE_HTM:
    case VIR_DOMAIN_FEATURE_NESTED_HV:
    case VIR_DOMAIN_FEATURE_CCF_ASSIST:
        if (state)
            virBufferAsprintf(buf, "<%s state='%s'/>\n", name,
                              virTristateSwitchTypeToString(state));
        break;
    case VIR_DOMAIN_FEATURE_SMM:
        if (!state)
            break;
        virBufferAsprintf(&attrBuf, " state='%s'",
                          virTristateSwitchTypeToString(state));
        if (state == VIR_TRISTATE_SWITCH_ON && feat->tsegSpecified) {
            const char *unit;
            unsigned long long size =
                virDomainFeatureFormatPretty(feat->tsegSize, &unit);

            virBufferAsprintf(&childBuf, "<tseg unit='%s'>%llu</tseg>\n",
                              unit, size);
        }
        virXMLFormatElement(buf, "smm", &attrBuf, &childBuf);
        break;
    case VIR_DOMAIN_FEATURE_APIC:
        if (state != VIR_TRISTATE_SWITCH_ON)
            break;
        virDomainTristateSwitchAttrFormat(&attrBuf, "eoi", feat->apicEoi);
        virXMLFormatElementEmpty(buf, "apic", &attrBuf, NULL);
        break;
    case VIR_DOMAIN_FEATURE_HYPERV:
        if (state != VIR_DOMAIN_HYPERV_MODE_NONE)
            virDomainFeatureFormatSubStates(
                buf, "hyperv", virDomainHyperVModeTypeToString(state), feat,
                feat->hyperv, VIR_DOMAIN_HYPERV_LAST,
                virDomainHypervTypeToString, virDomainFeatureFormatHyperVTail);
        break;
    case VIR_DOMAIN_FEATURE_KVM:
        if (state == VIR_TRISTATE_SWITCH_ON)
            virDomainFeatureFormatSubStates(
                buf, "kvm", NULL, feat, feat->kvm, VIR_DOMAIN_KVM_LAST,
                virDomainKVMTypeToString, virDomainFeatureFormatKVMTail);
        break;
    case VIR_DOMAIN_FEATURE_XEN:
        if (state == VIR_TRISTATE_SWITCH_ON)
            virDomainFeatureFormatSubStates(
                buf, "xen", NULL, feat, feat->xen, VIR_DOMAIN_XEN_LAST,
                virDomainXenTypeToString, virDomainFeatureFormatXenTail);
        break;
    case VIR_DOMAIN_FEATURE_CAPABILITIES:
        for (j = 0; j < VIR_DOMAIN_PROCESS_CAPS_LAST; j++) {
            if (feat->caps[j])
                virBufferAsprintf(&childBuf, "<%s state='%s'/>\n",
                                  virDomainProcessCapsFeatureTypeToString(j),
                                  virTristateSwitchTypeToString(
                                      feat->caps[j]));
        }
        /* the policy is written as soon as any capability is */
        if (state != VIR_DOMAIN_CAPABILITIES_POLICY_DEFAULT ||
            virBufferUse(&childBuf))
            virBufferAsprintf(&attrBuf, " policy='%s'",
                              virDomainCapabilitiesPolicyTypeToString(state));
        virXMLFormatElement(buf, "capabilities", &attrBuf, &childBuf);
        break;
    case VIR_DOMAIN_FEATURE_GIC:
        if (state != VIR_TRISTATE_SWITCH_ON)
            break;
        if (feat->gicVersion)
            virBufferAsprintf(&attrBuf, " version='%s'",
                              virGICVersionTypeToString(feat->gicVersion));
        virXMLFormatElementEmpty(buf, "gic", &attrBuf, NULL);
        break;
    case VIR_DOMAIN_FEATURE_IOAPIC:
        if (state)
            virBufferAsprintf(buf, "<ioapic driver='%s'/>\n",
                              virDomainIOAPICTypeToString(state));
        break;
    case VIR_DOMAIN_FEATURE_HPT:
        if (state != VIR_TRISTATE_SWITCH_ON)
            break;
        if (feat->hptResizing)
            virBufferAsprintf(&attrBuf, " resizing='%s'",
                              virDomainHPTResizingTypeToString(
                                  feat->hptResizing));
        if (feat->hptMaxpagesize)
            virBufferAsprintf(&childBuf,
                              "<maxpagesize unit='KiB'>%llu</maxpagesize>\n",
                              feat->hptMaxpagesize);
        virXMLFormatElement(buf, "hpt", &attrBuf, &childBuf);
        break;
    case VIR_DOMAIN_FEATURE_MSRS:
        if (state == VIR_TRISTATE_SWITCH_ON)
            virBufferAsprintf(buf, "<msrs unknown='%s'/>\n",
                              virDomainMsrsUnknownTypeToString(
                                  feat->msrsUnknown));
        break;
    case VIR_DOMAIN_FEATURE_CFPC:
    case VIR_DOMAIN_FEATURE_SBBC:
        if (state)
            virBufferAsprintf(buf, "<%s value='%s'/>\n", name,
                              virDomainCFPCTypeToString(state));
        break;
    case VIR_DOMAIN_FEATURE_IBS:
        if (state)
            virBufferAsprintf(buf, "<ibs value='%s'/>\n",
                              virDomainIBSTypeToString(state));
        break;
    case VIR_DOMAIN_FEATURE_TCG:
        if (state != VIR_TRISTATE_SWITCH_ON)
            break;
        if (feat->tcgTbCache)
            virBufferAsprintf(&childBuf,
                              "<tb-cache unit='KiB'>%llu</tb-cache>\n",
                              feat->tcgTbCache);
        virXMLFormatElement(buf, "tcg", NULL, &childBuf);
        break;
    case VIR_DOMAIN_FEATURE_LAST:
        break;
    }
}

int
virDomainDefFeaturesFormat(virBuffer *buf, const virDomainDef *def,
                           unsigned int flags G_GNUC_UNUSED)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < VIR_DOMAIN_FEATURE_LAST; i++)
        virDomainFeatureFormatOne(&childBuf, def->features, i);
    virXMLFormatElement(buf, "features", NULL, &childBuf);
    return 0;
}
