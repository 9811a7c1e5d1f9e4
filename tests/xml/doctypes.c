/*
 * doctypes.c: one adapter per document type for the round-trip test.
 * Add a type by writing its three adapters and a row in virTestDocTypes.
 */
#include "doctypes.h"
#include "conf/domain_conf.h"
#include "conf/snapshot_conf.h"
#include "conf/checkpoint_conf.h"
#include "conf/node_device_conf.h"
#include "conf/nwfilter_conf.h"
#include "conf/nwfilter_binding_conf.h"
#include "conf/secret_conf.h"
#include "conf/storage_conf.h"
#include "conf/network_conf.h"
#include "conf/networkport_conf.h"
#include "conf/interface_conf.h"
#include "conf/capabilities_conf.h"
#include "conf/domain_capabilities_conf.h"
#include "drivers/test/test_xmlopt.h"

static void *
domainParse(const char *xml, const virTestXMLFlags *f)
{
    unsigned int flags = 0;

    if (!f->live)
        flags |= VIR_DOMAIN_DEF_PARSE_INACTIVE;
    if (f->validate)
        flags |= VIR_DOMAIN_DEF_PARSE_VALIDATE;
    return virDomainDefParseString(xml, testDriverDomainXMLOption(), flags);
}

static char *
domainFormat(void *def, const virTestXMLFlags *f)
{
    unsigned int flags = 0;

    if (f->inactive)
        flags |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    if (f->secure)
        flags |= VIR_DOMAIN_DEF_FORMAT_SECURE;
    if (f->migratable)
        flags |= VIR_DOMAIN_DEF_FORMAT_MIGRATABLE;
    if (f->updatecpu)
        flags |= VIR_DOMAIN_DEF_FORMAT_UPDATE_CPU;
    return virDomainDefFormat(def, flags);
}

static void
domainFree(void *def)
{
    virDomainDefFree(def);
}

/* Snapshots and checkpoints are read as redefinitions: a new one gets
 * its name and creation time from the clock. */
static void *
snapshotParse(const char *xml, const virTestXMLFlags *f)
{
    unsigned int flags = VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE;

    if (f->validate)
        flags |= VIR_DOMAIN_SNAPSHOT_PARSE_VALIDATE;
    return virDomainSnapshotDefParseString(xml, testDriverDomainXMLOption(),
                                           flags);
}

static char *
snapshotFormat(void *def, const virTestXMLFlags *f)
{
    return virDomainSnapshotDefFormat(def, f->secure ?
                                      VIR_DOMAIN_SNAPSHOT_FORMAT_SECURE : 0);
}

static void
snapshotFree(void *def)
{
    virDomainSnapshotDefFree(def);
}

static void *
checkpointParse(const char *xml, const virTestXMLFlags *f)
{
    unsigned int flags = VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE;

    if (f->validate)
        flags |= VIR_DOMAIN_CHECKPOINT_PARSE_VALIDATE;
    return virDomainCheckpointDefParseString(xml, testDriverDomainXMLOption(),
                                             flags);
}

static char *
checkpointFormat(void *def, const virTestXMLFlags *f)
{
    return virDomainCheckpointDefFormat(def, f->secure ?
                                        VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE : 0);
}

static void
checkpointFree(void *def)
{
    virDomainCheckpointDefFree(def);
}

/* Pools get the figures upstream's test driver gives every pool it
 * defines (100 GiB capacity, nothing allocated). */
static void *
storagePoolParse(const char *xml, const virTestXMLFlags *f)
{
    virStoragePoolDef *def;

    def = virStoragePoolDefParseString(xml, f->validate ?
                                       VIR_STORAGE_POOL_DEFINE_VALIDATE : 0);
    if (def) {
        def->capacity = 100ULL * 1024 * 1024 * 1024;
        def->allocation = 0;
        def->available = def->capacity;
    }
    return def;
}

static char *
storagePoolFormat(void *def, const virTestXMLFlags *f)
{
    return virStoragePoolDefFormat(def);
}

static void
storagePoolFree(void *def)
{
    virStoragePoolDefFree(def);
}

/* Volumes are created in a fixed dir pool shaped like upstream's test
 * driver's 'default-pool', which sets path and key as that driver does. */
static virStoragePoolDef *
storageVolPool(void)
{
    static virStoragePoolDef *pool;

    if (!pool)
        pool = virStoragePoolDefParseString(
            "<pool type='dir'><name>default-pool</name>"
            "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>"
            "<target><path>/default-pool</path></target></pool>", 0);
    return pool;
}

static void *
storageVolParse(const char *xml, const virTestXMLFlags *f)
{
    virStoragePoolDef *pool = storageVolPool();
    virStorageVolDef *def;

    def = virStorageVolDefParseString(pool, xml, f->validate ?
                                      VIR_VOL_XML_PARSE_VALIDATE : 0);
    if (def) {
        g_free(def->target.path);
        def->target.path = g_strdup_printf("%s/%s", pool->target_path,
                                           def->name);
        g_free(def->key);
        def->key = g_strdup(def->target.path);
    }
    return def;
}

static char *
storageVolFormat(void *def, const virTestXMLFlags *f)
{
    return virStorageVolDefFormat(storageVolPool(), def);
}

static void
storageVolFree(void *def)
{
    virStorageVolDefFree(def);
}

static void *
secretParse(const char *xml, const virTestXMLFlags *f)
{
    return virSecretDefParseString(xml, f->validate ?
                                   VIR_SECRET_DEFINE_VALIDATE : 0);
}

static char *
secretFormat(void *def, const virTestXMLFlags *f)
{
    return virSecretDefFormat(def);
}

static void
secretFree(void *def)
{
    virSecretDefFree(def);
}

/* Node devices: format=inactive reads the document as a request to create
 * a device (no name, no SCSI host number), otherwise as a host device. */
static void *
nodedevParse(const char *xml, const virTestXMLFlags *f)
{
    return virNodeDeviceDefParseString(xml, f->inactive,
                                       f->validate ?
                                       VIR_NODE_DEVICE_PARSE_VALIDATE : 0);
}

static char *
nodedevFormat(void *def, const virTestXMLFlags *f G_GNUC_UNUSED)
{
    return virNodeDeviceDefFormat(def);
}

static void
nodedevFree(void *def)
{
    virNodeDeviceDefFree(def);
}

/* <storagepoolCapabilities> is output only: the input lists the pool
 * types the driver supports as <pool type='...' supported='yes'/>, and
 * the formatter writes the whole document. */
static void *
storagePoolCapsParse(const char *xml, const virTestXMLFlags *f)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree xmlNodePtr *pools = NULL;
    bool *supported;
    size_t n, i;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_STORAGE, xml,
                                      "(storage_pool_capabilities)",
                                      "storagepoolCapabilities")))
        return NULL;
    supported = g_new0(bool, VIR_STORAGE_POOL_LAST);
    n = virXMLChildren(xmlDocGetRootElement(doc), "pool", &pools);
    for (i = 0; i < n; i++) {
        g_autofree char *type = virXMLPropString(pools[i], "type");
        g_autofree char *yes = virXMLPropString(pools[i], "supported");
        int t = type ? virStoragePoolTypeFromString(type) : -1;

        if (t >= 0 && yes && g_str_equal(yes, "yes"))
            supported[t] = true;
    }
    return supported;
}

static char *
storagePoolCapsFormat(void *def, const virTestXMLFlags *f)
{
    return virStoragePoolCapsFormat(def);
}

/* Networks: parse flags map to VIR_NETWORK_DEFINE_VALIDATE, format
 * inactive to VIR_NETWORK_XML_INACTIVE. */
static void *
networkParse(const char *xml, const virTestXMLFlags *f)
{
    return virNetworkDefParseString(xml, f->validate ?
                                    VIR_NETWORK_DEFINE_VALIDATE : 0);
}

static char *
networkFormat(void *def, const virTestXMLFlags *f)
{
    return virNetworkDefFormat(def, f->inactive ?
                               VIR_NETWORK_XML_INACTIVE : 0);
}

static void
networkFree(void *def)
{
    virNetworkDefFree(def);
}

static void *
nwfilterParse(const char *xml, const virTestXMLFlags *f)
{
    return virNWFilterDefParseString(xml, f->validate ?
                                     VIR_NWFILTER_PARSE_VALIDATE : 0);
}

static char *
nwfilterFormat(void *def, const virTestXMLFlags *f G_GNUC_UNUSED)
{
    return virNWFilterDefFormat(def);
}

static void
nwfilterFree(void *def)
{
    virNWFilterDefFree(def);
}

static void *
nwfilterbindingParse(const char *xml, const virTestXMLFlags *f)
{
    return virNWFilterBindingDefParseString(xml, f->validate ?
                                            VIR_NWFILTER_BINDING_PARSE_VALIDATE : 0);
}

static char *
nwfilterbindingFormat(void *def, const virTestXMLFlags *f G_GNUC_UNUSED)
{
    return virNWFilterBindingDefFormat(def);
}

static void
nwfilterbindingFree(void *def)
{
    virNWFilterBindingDefFree(def);
}

static void *
networkportParse(const char *xml, const virTestXMLFlags *f)
{
    return virNetworkPortDefParseString(xml, f->validate ?
                                        VIR_NETWORK_PORT_CREATE_VALIDATE : 0);
}

static char *
networkportFormat(void *def, const virTestXMLFlags *f)
{
    return virNetworkPortDefFormat(def);
}

static void
networkportFree(void *def)
{
    virNetworkPortDefFree(def);
}

static void *
interfaceParse(const char *xml, const virTestXMLFlags *f)
{
    return virInterfaceDefParseString(xml, f->validate ?
                                      VIR_INTERFACE_DEFINE_VALIDATE : 0);
}

static char *
interfaceFormat(void *def, const virTestXMLFlags *f)
{
    return virInterfaceDefFormat(def);
}

static void
interfaceFree(void *def)
{
    virInterfaceDefFree(def);
}

static void *
capsParse(const char *xml, const virTestXMLFlags *f)
{
    return virCapsDefParseString(xml, f->validate);
}

static char *
capsFormat(void *def, const virTestXMLFlags *f G_GNUC_UNUSED)
{
    return virCapsDefFormat(def);
}

static void
capsFree(void *def)
{
    virCapsDefFree(def);
}

static void *
domainCapsParse(const char *xml, const virTestXMLFlags *f)
{
    return virDomainCapsDefParseString(xml, f->validate);
}

static char *
domainCapsFormat(void *def, const virTestXMLFlags *f G_GNUC_UNUSED)
{
    return virDomainCapsDefFormat(def);
}

static void
domainCapsFree(void *def)
{
    virDomainCapsDefFree(def);
}

/* ADD NEW DOCUMENT TYPES ABOVE THIS LINE (adapters) */

const virTestDocType virTestDocTypes[] = {
    {"domain", domainParse, domainFormat, domainFree},
    {"snapshot", snapshotParse, snapshotFormat, snapshotFree},
    {"checkpoint", checkpointParse, checkpointFormat, checkpointFree},
    {"storagepool", storagePoolParse, storagePoolFormat, storagePoolFree},
    {"storagevol", storageVolParse, storageVolFormat, storageVolFree},
    {"secret", secretParse, secretFormat, secretFree},
    {"nodedev", nodedevParse, nodedevFormat, nodedevFree},
    {"storagepoolcaps", storagePoolCapsParse, storagePoolCapsFormat, g_free},
    {"network", networkParse, networkFormat, networkFree},
    {"nwfilter", nwfilterParse, nwfilterFormat, nwfilterFree},
    {"nwfilterbinding", nwfilterbindingParse, nwfilterbindingFormat,
     nwfilterbindingFree},
    {"networkport", networkportParse, networkportFormat, networkportFree},
    {"interface", interfaceParse, interfaceFormat, interfaceFree},
    {"capabilities", capsParse, capsFormat, capsFree},
    {"domaincaps", domainCapsParse, domainCapsFormat, domainCapsFree},
    /* ADD NEW DOCUMENT TYPES ABOVE THIS LINE (rows) */
    {NULL, NULL, NULL, NULL},
};
