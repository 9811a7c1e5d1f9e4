/*
 * domain_os.c: <bootloader>, <bootloader_args>, <os> and <idmap>.
 *
 * Which <os> children are read depends on the OS type, as upstream: the
 * firmware, loader and boot device children for hvm, kernel and loader
 * for the paravirtual types, the init children for containers (exe).
 * Post-parse adds the default boot device and applies upstream's checks
 * of the firmware, NVRAM, boot menu and id map settings.
 */
#include "domain_os.h"
#include "device_info.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainOS, VIR_DOMAIN_OSTYPE_LAST,
              "hvm", "xen", "linux", "exe", "uml", "xenpvh");

VIR_ENUM_IMPL(virArch, VIR_ARCH_LAST,
              "none", "alpha", "armv6l", "armv7l", "armv7b", "aarch64",
              "cris", "i686", "ia64", "lm32", "m68k", "microblaze",
              "microblazeel", "mips", "mipsel", "mips64", "mips64el",
              "openrisc", "parisc", "parisc64", "ppc", "ppcle", "ppc64",
              "ppc64le", "ppcemb", "riscv32", "riscv64", "s390", "s390x",
              "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64",
              "xtensa", "xtensaeb");

VIR_ENUM_IMPL(virDomainBoot, VIR_DOMAIN_BOOT_LAST,
              "fd", "cdrom", "hd", "network");

VIR_ENUM_IMPL(virDomainLoader, VIR_DOMAIN_LOADER_TYPE_LAST,
              "none", "rom", "pflash");

VIR_ENUM_IMPL(virDomainOsDefFirmware, VIR_DOMAIN_OS_DEF_FIRMWARE_LAST,
              "none", "bios", "efi");

VIR_ENUM_IMPL(virDomainOsDefFirmwareFeature,
              VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_LAST,
              "enrolled-keys", "secure-boot");

VIR_ENUM_IMPL(virDomainSmbiosMode, VIR_DOMAIN_SMBIOS_LAST,
              "none", "emulate", "host", "sysinfo");

VIR_ENUM_DECL(virDomainNvramSource);
VIR_ENUM_IMPL(virDomainNvramSource, VIR_DOMAIN_NVRAM_SOURCE_LAST,
              "none", "file", "block", "network");

static void
virDomainLoaderDefFree(virDomainLoaderDef *loader)
{
    if (!loader)
        return;
    g_free(loader->path);
    g_free(loader->nvramTemplate);
    g_free(loader->nvramPath);
    g_free(loader->nvramProtocol);
    g_free(loader->nvramName);
    g_free(loader->nvramHost);
    g_free(loader->nvramPort);
    g_free(loader);
}

virDomainOSDef *
virDomainOSNew(void)
{
    return g_new0(virDomainOSDef, 1);
}

void
virDomainOSFree(virDomainOSDef *os)
{
    size_t i;

    if (!os)
        return;
    g_free(os->machine);
    g_free(os->firmwareFeatures);
    g_free(os->bootloader);
    g_free(os->bootloaderArgs);
    virDomainLoaderDefFree(os->loader);
    g_free(os->kernel);
    g_free(os->initrd);
    g_free(os->cmdline);
    g_free(os->dtb);
    g_free(os->root);
    g_free(os->slicTable);
    g_free(os->init);
    g_strfreev(os->initargv);
    for (i = 0; os->initenv && os->initenv[i]; i++) {
        g_free(os->initenv[i]->name);
        g_free(os->initenv[i]->value);
        g_free(os->initenv[i]);
    }
    g_free(os->initenv);
    g_free(os->initdir);
    g_free(os->inituser);
    g_free(os->initgroup);
    g_free(os->uidmap);
    g_free(os->gidmap);
    g_free(os);
}

/* ---- Parsing ---- */

static int
virDomainOSParseType(xmlNodePtr root, xmlNodePtr osNode, virDomainDef *def)
{
    virDomainOSDef *os = def->os;
    xmlNodePtr typeNode = osNode ? virXMLChild(osNode, "type") : NULL;
    g_autofree char *ostype = NULL;
    g_autofree char *arch = NULL;
    int val;

    os->bootloader = virConfXMLChildNonEmpty(root, "bootloader");
    os->bootloaderArgs = virConfXMLChildNonEmpty(root, "bootloader_args");

    if (typeNode) {
        ostype = virXMLNodeContent(typeNode);
        arch = virXMLPropString(typeNode, "arch");
        os->machine = virXMLPropString(typeNode, "machine");
        if (arch && !*arch)
            g_clear_pointer(&arch, g_free);
        if (os->machine && !*os->machine)
            g_clear_pointer(&os->machine, g_free);
        if (!*ostype)
            g_clear_pointer(&ostype, g_free);
    }

    if (!ostype) {
        if (!os->bootloader) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "an os <type> must be specified");
            return -1;
        }
        os->type = VIR_DOMAIN_OSTYPE_XEN;
    } else {
        if ((val = virDomainOSTypeFromString(ostype)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown OS type '%s'", ostype);
            return -1;
        }
        os->type = val;
    }

    /* Xen's paravirtual guests were once called 'linux'. */
    if (os->type == VIR_DOMAIN_OSTYPE_LINUX &&
        def->virtType == VIR_DOMAIN_VIRT_XEN)
        os->type = VIR_DOMAIN_OSTYPE_XEN;

    if (arch) {
        if ((val = virArchTypeFromString(arch)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown architecture %s", arch);
            return -1;
        }
        os->arch = val;
    }
    return 0;
}

static void
virDomainOSParseKernel(xmlNodePtr osNode, virDomainOSDef *os)
{
    os->kernel = virConfXMLChildNonEmpty(osNode, "kernel");
    os->initrd = virConfXMLChildNonEmpty(osNode, "initrd");
    os->cmdline = virConfXMLChildNonEmpty(osNode, "cmdline");
    os->dtb = virConfXMLChildNonEmpty(osNode, "dtb");
    os->root = virConfXMLChildNonEmpty(osNode, "root");
}

static int
virDomainOSParseInit(xmlNodePtr osNode, virDomainOSDef *os)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n;
    size_t i;

    os->init = virConfXMLChildNonEmpty(osNode, "init");
    os->cmdline = virConfXMLChildNonEmpty(osNode, "cmdline");
    os->initdir = virConfXMLChildNonEmpty(osNode, "initdir");
    os->inituser = virConfXMLChildNonEmpty(osNode, "inituser");
    os->initgroup = virConfXMLChildNonEmpty(osNode, "initgroup");

    n = osNode ? virXMLChildren(osNode, "initarg", &nodes) : 0;
    os->initargv = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        g_autofree char *arg = virXMLNodeContent(nodes[i]);

        if (!*arg) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "No data supplied for <initarg> element");
            return -1;
        }
        os->initargv[i] = g_steal_pointer(&arg);
    }
    g_clear_pointer(&nodes, g_free);

    n = osNode ? virXMLChildren(osNode, "initenv", &nodes) : 0;
    os->initenv = g_new0(virDomainOSEnv *, n + 1);
    for (i = 0; i < n; i++) {
        g_autofree char *name = virXMLPropString(nodes[i], "name");
        g_autofree char *value = NULL;

        if (!name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "No name supplied for <initenv> element");
            return -1;
        }
        value = virXMLNodeContent(nodes[i]);
        if (!*value) {
            virReportError(VIR_ERR_XML_ERROR,
                           "No value supplied for <initenv name='%s'> element",
                           name);
            return -1;
        }
        os->initenv[i] = g_new0(virDomainOSEnv, 1);
        os->initenv[i]->name = g_steal_pointer(&name);
        os->initenv[i]->value = g_steal_pointer(&value);
    }
    return 0;
}

static int
virDomainOSParseFirmware(xmlNodePtr osNode, virDomainOSDef *os,
                         unsigned int flags)
{
    g_autofree char *firmware = virXMLPropString(osNode, "firmware");
    xmlNodePtr fwNode = virXMLChild(osNode, "firmware");
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = fwNode ? virXMLChildren(fwNode, "feature", &nodes) : 0;
    size_t i;
    int val;

    /* Without firmware= the features are ignored (older libvirt wrote
     * them into migratable XML), unless the ABI is being updated. */
    if (n > 0 && !firmware && !(flags & VIR_DOMAIN_DEF_PARSE_ABI_UPDATE)) {
        for (i = 0; i < n; i++) {
            g_free(virXMLPropString(nodes[i], "name"));
            g_free(virXMLPropString(nodes[i], "enabled"));
        }
        return 0;
    }

    if (n > 0)
        os->firmwareFeatures = g_new0(virTristateBool,
                                      VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_LAST);
    for (i = 0; i < n; i++) {
        int feature;
        virTristateBool enabled;

        if (virXMLPropEnum(nodes[i], "name",
                           virDomainOsDefFirmwareFeatureTypeFromString,
                           VIR_XML_PROP_REQUIRED, &feature) < 0 ||
            virXMLPropTristateBool(nodes[i], "enabled",
                                   VIR_XML_PROP_REQUIRED, &enabled) < 0)
            return -1;
        os->firmwareFeatures[feature] = enabled;
    }

    if (!firmware)
        return 0;
    if ((val = virDomainOsDefFirmwareTypeFromString(firmware)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown firmware value %s",
                       firmware);
        return -1;
    }
    os->firmware = val;
    return 0;
}

static int
virDomainOSParseNvramSource(xmlNodePtr nvramNode, virDomainLoaderDef *loader)
{
    xmlNodePtr src = virXMLChild(nvramNode, "source");
    xmlNodePtr host;

    /* A typed <nvram> without its <source> fails quietly upstream. */
    if (!src) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing <source> in <nvram>");
        return -1;
    }
    switch (loader->nvramType) {
    case VIR_DOMAIN_NVRAM_SOURCE_FILE:
        loader->nvramPath = virXMLPropString(src, "file");
        break;
    case VIR_DOMAIN_NVRAM_SOURCE_BLOCK:
        loader->nvramPath = virXMLPropString(src, "dev");
        break;
    case VIR_DOMAIN_NVRAM_SOURCE_NETWORK:
        if (!(loader->nvramProtocol = virXMLPropString(src, "protocol"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing network source protocol type");
            return -1;
        }
        loader->nvramName = virXMLPropString(src, "name");
        if ((host = virXMLChild(src, "host"))) {
            loader->nvramHost = virXMLPropString(host, "name");
            loader->nvramPort = virXMLPropString(host, "port");
        }
        break;
    case VIR_DOMAIN_NVRAM_SOURCE_NONE:
    case VIR_DOMAIN_NVRAM_SOURCE_LAST:
        break;
    }
    return 0;
}

static int
virDomainOSParseLoader(xmlNodePtr osNode, virDomainOSDef *os)
{
    xmlNodePtr loaderNode = virXMLChild(osNode, "loader");
    xmlNodePtr nvramNode = virXMLChild(osNode, "nvram");
    virDomainLoaderDef *loader;
    int val;
    int rc;

    if (!loaderNode && !nvramNode)
        return 0;
    loader = os->loader = g_new0(virDomainLoaderDef, 1);

    if (nvramNode) {
        loader->nvramTemplate = virXMLPropString(nvramNode, "template");
        if ((rc = virXMLPropEnum(nvramNode, "type",
                                 virDomainNvramSourceTypeFromString,
                                 VIR_XML_PROP_NONZERO, &val)) < 0)
            return -1;
        if (rc == 0) {
            g_autofree char *path = virXMLNodeContent(nvramNode);

            if (*path) {
                loader->nvramType = VIR_DOMAIN_NVRAM_SOURCE_NONE;
                loader->nvramPath = g_steal_pointer(&path);
            }
        } else {
            loader->nvramType = val;
            if (virDomainOSParseNvramSource(nvramNode, loader) < 0)
                return -1;
        }
    }

    if (!loaderNode)
        return 0;
    if (virXMLPropTristateBool(loaderNode, "readonly", VIR_XML_PROP_NONE,
                               &loader->readonly) < 0 ||
        virXMLPropEnum(loaderNode, "type", virDomainLoaderTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return -1;
    loader->type = val;
    loader->path = virXMLNodeContent(loaderNode);
    if (!*loader->path)
        g_clear_pointer(&loader->path, g_free);
    if (virXMLPropTristateBool(loaderNode, "secure", VIR_XML_PROP_NONE,
                               &loader->secure) < 0 ||
        virXMLPropTristateBool(loaderNode, "stateless", VIR_XML_PROP_NONE,
                               &loader->stateless) < 0)
        return -1;
    return 0;
}

static int
virDomainOSParseAcpi(xmlNodePtr osNode, virDomainOSDef *os)
{
    xmlNodePtr acpi = virXMLChild(osNode, "acpi");
    g_autofree xmlNodePtr *tables = NULL;
    g_autofree char *type = NULL;
    g_autofree char *path = NULL;
    size_t n;

    if (!acpi || (n = virXMLChildren(acpi, "table", &tables)) == 0)
        return 0;
    if (n > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Only one acpi table is supported");
        return -1;
    }
    if (!(type = virXMLPropString(tables[0], "type"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing acpi table type");
        return -1;
    }
    if (STRNEQ(type, "slic")) {
        virReportError(VIR_ERR_XML_ERROR, "Unknown acpi table type: %s",
                       type);
        return -1;
    }
    path = virXMLNodeContent(tables[0]);
    os->slicTable = virDomainSanitizePath(path);
    return 0;
}

static int
virDomainOSParseBoot(xmlNodePtr osNode, virDomainOSDef *os)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(osNode, "boot", &nodes);
    xmlNodePtr node;
    size_t i;
    int val;
    int rc;

    /* Upstream keeps at most one entry per device kind. */
    for (i = 0; i < n && i < VIR_DOMAIN_BOOT_LAST; i++) {
        if (virXMLPropEnum(nodes[i], "dev", virDomainBootTypeFromString,
                           VIR_XML_PROP_REQUIRED, &val) < 0)
            return -1;
        os->bootDevs[os->nBootDevs++] = val;
    }

    if ((node = virXMLChild(osNode, "bootmenu"))) {
        if (virXMLPropTristateBool(node, "enable", VIR_XML_PROP_NONE,
                                   &os->bootmenu) < 0)
            return -1;
        if (os->bootmenu == VIR_TRISTATE_BOOL_YES) {
            if ((rc = virXMLPropUInt(node, "timeout", 10, VIR_XML_PROP_NONE,
                                     &os->bmTimeout)) < 0)
                return -1;
            os->bmTimeoutSet = rc > 0;
        } else {
            /* ignored unless the menu is enabled */
            g_free(virXMLPropString(node, "timeout"));
        }
    }

    if ((node = virXMLChild(osNode, "bios"))) {
        g_autofree char *useserial = virXMLPropString(node, "useserial");

        /* upstream turns a bad value into 'no' rather than failing */
        if (useserial) {
            val = virTristateBoolTypeFromString(useserial);
            os->biosUseserial = val > 0 ? val : VIR_TRISTATE_BOOL_NO;
        }
        if ((rc = virXMLPropInt(node, "rebootTimeout", 10, VIR_XML_PROP_NONE,
                                &os->biosRebootTimeout)) < 0)
            return -1;
        os->biosRebootTimeoutSet = rc > 0;
    }
    return 0;
}

static int
virDomainIdMapEntryCompare(const void *a, const void *b)
{
    const virDomainIdMapEntry *ea = a;
    const virDomainIdMapEntry *eb = b;

    if (ea->start == eb->start)
        return 0;
    return ea->start > eb->start ? 1 : -1;
}

static int
virDomainOSParseIdMapList(xmlNodePtr idmap, const char *name,
                          virDomainIdMapEntry **list, size_t *nlist)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(idmap, name, &nodes);
    size_t i;

    if (n == 0)
        return 0;
    *list = g_new0(virDomainIdMapEntry, n);
    *nlist = n;
    for (i = 0; i < n; i++) {
        virDomainIdMapEntry *e = &(*list)[i];

        if (virXMLPropUInt(nodes[i], "start", 10, VIR_XML_PROP_REQUIRED,
                           &e->start) <= 0 ||
            virXMLPropUInt(nodes[i], "target", 10, VIR_XML_PROP_REQUIRED,
                           &e->target) <= 0 ||
            virXMLPropUInt(nodes[i], "count", 10, VIR_XML_PROP_REQUIRED,
                           &e->count) <= 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "invalid idmap start/target/count settings");
            return -1;
        }
    }
    qsort(*list, n, sizeof(**list), virDomainIdMapEntryCompare);
    return 0;
}

/* Counts the per-device <boot order=> elements, which replace os/boot
 * (upstream collects them from the parsed devices). */
static int
virDomainOSCountDeviceBoot(xmlNodePtr root, virDomainOSDef *os)
{
    static const char *const kinds[] = {
        "disk", "interface", "hostdev", "redirdev", "filesystem",
    };
    xmlNodePtr devices;
    xmlNodePtr dev;
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash,
                                                       g_str_equal,
                                                       g_free, NULL);

    if (!(devices = virXMLFirstElement(root)))
        return 0;
    for (; devices; devices = virXMLNextElement(devices)) {
        if (!devices->ns && xmlStrEqual(devices->name, BAD_CAST "devices"))
            break;
    }
    if (!devices)
        return 0;

    for (dev = virXMLFirstElement(devices); dev;
         dev = virXMLNextElement(dev)) {
        xmlNodePtr child;
        size_t i;
        bool known = false;

        for (i = 0; i < G_N_ELEMENTS(kinds); i++)
            known |= !dev->ns && xmlStrEqual(dev->name, BAD_CAST kinds[i]);
        if (!known)
            continue;
        for (child = virXMLFirstElement(dev); child;
             child = virXMLNextElement(child)) {
            xmlChar *order;
            unsigned int val;

            if (child->ns || !xmlStrEqual(child->name, BAD_CAST "boot"))
                continue;
            if (!(order = xmlGetNoNsProp(child, BAD_CAST "order")))
                break;
            /* invalid values are the device parser's to report */
            if (virStrToLong_uip((const char *)order, NULL, 10, &val) == 0 &&
                val > 0) {
                g_autofree char *key = g_strdup_printf("%u", val);

                if (g_hash_table_contains(seen, key)) {
                    virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                                   "boot order '%s' used for more than one device",
                                   key);
                    xmlFree(order);
                    return -1;
                }
                g_hash_table_add(seen, g_steal_pointer(&key));
                os->nDeviceBootOrders++;
            }
            xmlFree(order);
            break;
        }
    }
    return 0;
}

int
virDomainDefOSParseXML(xmlNodePtr root, virDomainDef *def,
                       unsigned int flags)
{
    virDomainOSDef *os = def->os;
    xmlNodePtr osNode = virXMLChild(root, "os");
    xmlNodePtr node;
    int val;

    if (virDomainOSParseType(root, osNode, def) < 0)
        return -1;

    switch (os->type) {
    case VIR_DOMAIN_OSTYPE_HVM:
        virDomainOSParseKernel(osNode, os);
        if (osNode &&
            (virDomainOSParseFirmware(osNode, os, flags) < 0 ||
             virDomainOSParseLoader(osNode, os) < 0 ||
             virDomainOSParseAcpi(osNode, os) < 0 ||
             virDomainOSParseBoot(osNode, os) < 0))
            return -1;
        break;
    case VIR_DOMAIN_OSTYPE_XEN:
    case VIR_DOMAIN_OSTYPE_XENPVH:
    case VIR_DOMAIN_OSTYPE_UML:
        virDomainOSParseKernel(osNode, os);
        if (osNode && virDomainOSParseLoader(osNode, os) < 0)
            return -1;
        break;
    case VIR_DOMAIN_OSTYPE_EXE:
        if (virDomainOSParseInit(osNode, os) < 0)
            return -1;
        break;
    case VIR_DOMAIN_OSTYPE_LINUX:
    case VIR_DOMAIN_OSTYPE_LAST:
        break;
    }

    if ((node = virXMLChild(root, "idmap")) &&
        (virDomainOSParseIdMapList(node, "uid", &os->uidmap,
                                   &os->nuidmap) < 0 ||
         virDomainOSParseIdMapList(node, "gid", &os->gidmap,
                                   &os->ngidmap) < 0))
        return -1;

    if (osNode && (node = virXMLChild(osNode, "smbios"))) {
        g_autofree char *mode = virXMLPropString(node, "mode");

        if (mode) {
            if ((val = virDomainSmbiosModeTypeFromString(mode)) < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown smbios mode '%s'", mode);
                return -1;
            }
            os->smbiosMode = val;
        }
    }

    return virDomainOSCountDeviceBoot(root, os);
}

/* ---- Post-parse and checks ---- */

static int
virDomainOSCheckLoader(const virDomainOSDef *os)
{
    const virDomainLoaderDef *loader = os->loader;
    bool hasNvram = loader && (loader->nvramPath || loader->nvramType);

    if (os->firmware) {
        if (!loader)
            return 0;
        if (loader->readonly) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "loader attribute 'readonly' cannot be specified when firmware autoselection is enabled");
            return -1;
        }
        if (loader->type) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "loader attribute 'type' cannot be specified when firmware autoselection is enabled");
            return -1;
        }
        if (loader->path) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "loader path cannot be specified when firmware autoselection is enabled");
            return -1;
        }
        if (loader->nvramTemplate) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "nvram attribute 'template' cannot be specified when firmware autoselection is enabled");
            return -1;
        }
        if (loader->secure == VIR_TRISTATE_BOOL_NO) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "loader attribute 'secure' cannot be specified when firmware autoselection is enabled");
            return -1;
        }
        if (hasNvram && os->firmware != VIR_DOMAIN_OS_DEF_FIRMWARE_EFI) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "firmware type '%s' does not support nvram",
                           virDomainOsDefFirmwareTypeToString(os->firmware));
            return -1;
        }
    } else {
        if (os->firmwareFeatures) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "cannot use feature-based firmware autoselection when firmware autoselection is disabled");
            return -1;
        }
        if (!loader)
            return 0;
        if (!loader->path) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "no loader path specified and firmware auto selection disabled");
            return -1;
        }
    }

    if (loader->stateless == VIR_TRISTATE_BOOL_YES) {
        if (loader->nvramTemplate) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "NVRAM template is not permitted when loader is stateless");
            return -1;
        }
        if (hasNvram) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "NVRAM is not permitted when loader is stateless");
            return -1;
        }
    } else if (loader->stateless == VIR_TRISTATE_BOOL_NO) {
        if (os->firmware == VIR_DOMAIN_OS_DEF_FIRMWARE_NONE) {
            if (loader->type != VIR_DOMAIN_LOADER_TYPE_PFLASH) {
                virReportError(VIR_ERR_XML_DETAIL, "%s",
                               "Only pflash loader type permits NVRAM");
                return -1;
            }
        } else if (os->firmware != VIR_DOMAIN_OS_DEF_FIRMWARE_EFI) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "Only EFI firmware permits NVRAM");
            return -1;
        }
    }
    return 0;
}

int
virDomainDefOSPostParse(virDomainDef *def, unsigned int flags G_GNUC_UNUSED)
{
    virDomainOSDef *os = def->os;
    virTristateBool *fw = os->firmwareFeatures;

    if (os->type == VIR_DOMAIN_OSTYPE_EXE && !os->init) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "init binary must be specified");
        return -1;
    }

    if (fw && fw[VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_ENROLLED_KEYS] ==
              VIR_TRISTATE_BOOL_YES) {
        if (fw[VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_SECURE_BOOT] ==
            VIR_TRISTATE_BOOL_NO) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "firmware feature 'enrolled-keys' cannot be enabled when firmware feature 'secure-boot' is disabled");
            return -1;
        }
        /* enrolled keys only make sense with secure boot */
        fw[VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_SECURE_BOOT] =
            VIR_TRISTATE_BOOL_YES;
    }

    if (os->loader && os->loader->path &&
        os->loader->type == VIR_DOMAIN_LOADER_TYPE_NONE)
        os->loader->type = VIR_DOMAIN_LOADER_TYPE_ROM;

    if (os->type == VIR_DOMAIN_OSTYPE_HVM) {
        if (os->nBootDevs > 0 && os->nDeviceBootOrders > 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "per-device boot elements cannot be used together with os/boot elements");
            return -1;
        }
        if (os->nBootDevs == 0 && os->nDeviceBootOrders == 0)
            os->bootDevs[os->nBootDevs++] = VIR_DOMAIN_BOOT_DISK;
    }

    /* upstream's validation of the section */
    if (os->bmTimeoutSet && os->bmTimeout > 65535) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "invalid value for boot menu timeout, must be in range [0,65535]");
        return -1;
    }
    if (os->biosRebootTimeoutSet &&
        (os->biosRebootTimeout < -1 || os->biosRebootTimeout > 65535)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "invalid value for rebootTimeout, must be in range [-1,65535]");
        return -1;
    }
    if (!!os->uidmap != !!os->gidmap) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "uid and gid should be mapped both");
        return -1;
    }
    if ((os->uidmap && os->uidmap[0].start != 0) ||
        (os->gidmap && os->gidmap[0].start != 0)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "You must map the root user of container");
        return -1;
    }
    return virDomainOSCheckLoader(os);
}

/* ---- Formatting ---- */

static void
virDomainOSFormatNvram(virBuffer *buf, const virDomainLoaderDef *loader)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) srcAttr = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) srcChild = VIR_BUFFER_INIT_CHILD(&childBuf);

    virBufferEscapeString(&attrBuf, " template='%s'", loader->nvramTemplate);

    if (loader->nvramType == VIR_DOMAIN_NVRAM_SOURCE_NONE) {
        /* old style: the path as text content, on the same line */
        if (!loader->nvramPath && !virBufferUse(&attrBuf))
            return;
        virBufferAddLit(buf, "<nvram");
        virBufferAddBuffer(buf, &attrBuf);
        if (loader->nvramPath)
            virBufferEscapeString(buf, ">%s</nvram>\n", loader->nvramPath);
        else
            virBufferAddLit(buf, "/>\n");
        return;
    }

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainNvramSourceTypeToString(loader->nvramType));
    switch (loader->nvramType) {
    case VIR_DOMAIN_NVRAM_SOURCE_FILE:
        virBufferEscapeString(&srcAttr, " file='%s'", loader->nvramPath);
        break;
    case VIR_DOMAIN_NVRAM_SOURCE_BLOCK:
        virBufferEscapeString(&srcAttr, " dev='%s'", loader->nvramPath);
        break;
    case VIR_DOMAIN_NVRAM_SOURCE_NETWORK:
        virBufferEscapeString(&srcAttr, " protocol='%s'",
                              loader->nvramProtocol);
        virBufferEscapeString(&srcAttr, " name='%s'", loader->nvramName);
        if (loader->nvramHost || loader->nvramPort) {
            virBufferEscapeString(&srcChild, "<host name='%s'",
                                  loader->nvramHost);
            if (!loader->nvramHost)
                virBufferAddLit(&srcChild, "<host");
            virBufferEscapeString(&srcChild, " port='%s'",
                                  loader->nvramPort);
            virBufferAddLit(&srcChild, "/>\n");
        }
        break;
    case VIR_DOMAIN_NVRAM_SOURCE_NONE:
    case VIR_DOMAIN_NVRAM_SOURCE_LAST:
        break;
    }
    virXMLFormatElementEmpty(&childBuf, "source", &srcAttr, &srcChild);
    virXMLFormatElement(buf, "nvram", &attrBuf, &childBuf);
}

static void
virDomainOSFormatLoader(virBuffer *buf, const virDomainLoaderDef *loader)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;

    virDomainTristateBoolAttrFormat(&attrBuf, "readonly", loader->readonly);
    virDomainTristateBoolAttrFormat(&attrBuf, "secure", loader->secure);
    if (loader->type)
        virBufferAsprintf(&attrBuf, " type='%s'",
                          virDomainLoaderTypeToString(loader->type));
    virDomainTristateBoolAttrFormat(&attrBuf, "stateless", loader->stateless);

    /* the path is the element's content, on the same line */
    if (loader->path) {
        virBufferAddLit(buf, "<loader");
        virBufferAddBuffer(buf, &attrBuf);
        virBufferEscapeString(buf, ">%s</loader>\n", loader->path);
    } else if (virBufferUse(&attrBuf)) {
        virBufferAddLit(buf, "<loader");
        virBufferAddBuffer(buf, &attrBuf);
        virBufferAddLit(buf, "/>\n");
    }
    virDomainOSFormatNvram(buf, loader);
}

static void
virDomainOSFormatBoot(virBuffer *buf, const virDomainOSDef *os)
{
    size_t i;

    for (i = 0; i < os->nBootDevs; i++)
        virBufferAsprintf(buf, "<boot dev='%s'/>\n",
                          virDomainBootTypeToString(os->bootDevs[i]));
    if (os->bootmenu) {
        virBufferAsprintf(buf, "<bootmenu enable='%s'",
                          virTristateBoolTypeToString(os->bootmenu));
        if (os->bmTimeoutSet)
            virBufferAsprintf(buf, " timeout='%u'", os->bmTimeout);
        virBufferAddLit(buf, "/>\n");
    }
    if (os->biosUseserial || os->biosRebootTimeoutSet) {
        virBufferAddLit(buf, "<bios");
        virDomainTristateBoolAttrFormat(buf, "useserial", os->biosUseserial);
        if (os->biosRebootTimeoutSet)
            virBufferAsprintf(buf, " rebootTimeout='%d'",
                              os->biosRebootTimeout);
        virBufferAddLit(buf, "/>\n");
    }
}

static void
virDomainOSFormatInit(virBuffer *buf, const virDomainOSDef *os)
{
    size_t i;

    virBufferEscapeString(buf, "<init>%s</init>\n", os->init);
    for (i = 0; os->initargv && os->initargv[i]; i++)
        virBufferEscapeString(buf, "<initarg>%s</initarg>\n",
                              os->initargv[i]);
    for (i = 0; os->initenv && os->initenv[i]; i++) {
        virBufferEscapeString(buf, "<initenv name='%s'>",
                              os->initenv[i]->name);
        virBufferEscapeString(buf, "%s</initenv>\n", os->initenv[i]->value);
    }
    virBufferEscapeString(buf, "<initdir>%s</initdir>\n", os->initdir);
    virBufferEscapeString(buf, "<inituser>%s</inituser>\n", os->inituser);
    virBufferEscapeString(buf, "<initgroup>%s</initgroup>\n", os->initgroup);
}

static void
virDomainOSFormatIdMap(virBuffer *buf, const virDomainOSDef *os)
{
    size_t i;

    /* upstream writes the block only when there is a uid map */
    if (!os->uidmap)
        return;
    virBufferAddLit(buf, "<idmap>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < os->nuidmap; i++)
        virBufferAsprintf(buf, "<uid start='%u' target='%u' count='%u'/>\n",
                          os->uidmap[i].start, os->uidmap[i].target,
                          os->uidmap[i].count);
    for (i = 0; i < os->ngidmap; i++)
        virBufferAsprintf(buf, "<gid start='%u' target='%u' count='%u'/>\n",
                          os->gidmap[i].start, os->gidmap[i].target,
                          os->gidmap[i].count);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</idmap>\n");
}

int
virDomainDefOSFormat(virBuffer *buf, const virDomainDef *def,
                     unsigned int flags G_GNUC_UNUSED)
{
    const virDomainOSDef *os = def->os;
    virDomainOSType type = os->type;
    size_t i;

    if (os->bootloader) {
        virBufferEscapeString(buf, "<bootloader>%s</bootloader>\n",
                              os->bootloader);
        virBufferEscapeString(buf, "<bootloader_args>%s</bootloader_args>\n",
                              os->bootloaderArgs);
    }

    virBufferAddLit(buf, "<os");
    if (os->firmware)
        virBufferAsprintf(buf, " firmware='%s'",
                          virDomainOsDefFirmwareTypeToString(os->firmware));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    virBufferAddLit(buf, "<type");
    if (os->arch)
        virBufferAsprintf(buf, " arch='%s'", virArchTypeToString(os->arch));
    virBufferEscapeString(buf, " machine='%s'", os->machine);
    /* Xen paravirtual guests keep their historical 'linux' name. */
    if (def->virtType == VIR_DOMAIN_VIRT_XEN && type == VIR_DOMAIN_OSTYPE_XEN)
        type = VIR_DOMAIN_OSTYPE_LINUX;
    virBufferAsprintf(buf, ">%s</type>\n", virDomainOSTypeToString(type));

    if (os->firmwareFeatures) {
        virBufferAddLit(buf, "<firmware>\n");
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < VIR_DOMAIN_OS_DEF_FIRMWARE_FEATURE_LAST; i++) {
            if (!os->firmwareFeatures[i])
                continue;
            virBufferAsprintf(buf, "<feature enabled='%s' name='%s'/>\n",
                              virTristateBoolTypeToString(
                                  os->firmwareFeatures[i]),
                              virDomainOsDefFirmwareFeatureTypeToString(i));
        }
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</firmware>\n");
    }

    virDomainOSFormatInit(buf, os);
    if (os->loader)
        virDomainOSFormatLoader(buf, os->loader);
    virBufferEscapeString(buf, "<kernel>%s</kernel>\n", os->kernel);
    virBufferEscapeString(buf, "<initrd>%s</initrd>\n", os->initrd);
    virBufferEscapeString(buf, "<cmdline>%s</cmdline>\n", os->cmdline);
    virBufferEscapeString(buf, "<dtb>%s</dtb>\n", os->dtb);
    virBufferEscapeString(buf, "<root>%s</root>\n", os->root);
    if (os->slicTable) {
        virBufferAddLit(buf, "<acpi>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<table type='slic'>%s</table>\n",
                              os->slicTable);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</acpi>\n");
    }
    if (!os->bootloader)
        virDomainOSFormatBoot(buf, os);
    if (os->smbiosMode)
        virBufferAsprintf(buf, "<smbios mode='%s'/>\n",
                          virDomainSmbiosModeTypeToString(os->smbiosMode));

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</os>\n");

    virDomainOSFormatIdMap(buf, os);
    return 0;
}
