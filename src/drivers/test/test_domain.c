/*
 * test_domain.c: domains of the test driver: the default guest "test",
 * definition and removal, lookups, the lifecycle (create, destroy,
 * shutdown, reboot, suspend, resume) with upstream's state checks, errors
 * and lifecycle events, and the domain event registration slots.
 *
 * Domains live in a virDomainObjList (constant-time lookups by name, uuid
 * and id); ids are handed out from one counter, as upstream's are.
 */
#include <sys/time.h>

#include "test_driver.h"
#include "test_xmlopt.h"
#include "conf/domain_memory.h"
#include "conf/domain_namespace.h"
#include "conf/domain_os.h"
#include "conf/domain_net.h"
#include "conf/domain_vcpu.h"
#include "conf/object_event_types.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain");

/* The running guest every test:///default starts with (upstream's). */
static const char testDefaultDomainXML[] =
    "<domain type='test'>\n"
    "  <name>test</name>\n"
    "  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
    "  <memory>8388608</memory>\n"
    "  <currentMemory>2097152</currentMemory>\n"
    "  <vcpu>2</vcpu>\n"
    "  <os><type>hvm</type></os>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <source file='/guest/diskimage1'/>\n"
    "      <target dev='vda' bus='virtio'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x01' slot='0x00'"
    " function='0x0'/>\n"
    "    </disk>\n"
    "    <interface type='network'>\n"
    "      <mac address='aa:bb:cc:dd:ee:ff'/>\n"
    "      <source network='default' bridge='virbr0'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x1'"
    " function='0x0'/>\n"
    "    </interface>\n"
    "    <memballoon model='virtio'>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x2'"
    " function='0x0'/>\n"
    "    </memballoon>\n"
    "  </devices>\n"
    "</domain>\n";

void
testDomainQueueLifecycle(testDriver *driver, virDomainObj *vm, int type,
                         int detail)
{
    virObjectEventStateQueue(driver->eventState,
                             virDomainEventLifecycleNew(vm->def->name,
                                                        vm->def->uuid,
                                                        vm->def->id, type,
                                                        detail));
}

void
testDomainQueueTunable(testDriver *driver, virDomainObj *vm,
                       virTypedParameterPtr params, int nparams)
{
    if (nparams == 0) {
        virTypedParamsFree(params, nparams);
        return;
    }
    virObjectEventStateQueue(driver->eventState,
                             virDomainEventTunableNew(vm->def->name,
                                                      vm->def->uuid,
                                                      vm->def->id, params,
                                                      nparams));
}

void
testDomainQueueTunablePin(testDriver *driver, virDomainObj *vm,
                          const char *name, const virBitmap *map)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    g_autofree char *cpus = virBitmapFormat(map);

    if (virTypedParamsAddString(&params, &nparams, &maxparams, name,
                                cpus) < 0) {
        virTypedParamsFree(params, nparams);
        return;
    }
    testDomainQueueTunable(driver, vm, params, nparams);
}

/* Gives vm an id and the running state; vm is locked.  Any start uses
 * up the managed save image, as upstream's does. */
void
testDomainStartState(testDriver *driver, virDomainObj *vm, int reason)
{
    virDomainObjListSetID(driver->domains, vm,
                          g_atomic_int_add(&driver->nextDomID, 1));
    virDomainObjSetState(vm, VIR_DOMAIN_RUNNING, reason);
    vm->hasManagedSave = false;
    /* Keep the configuration apart from the live definition from the
     * start, so that live-only changes end with the run. */
    if (vm->persistent && !vm->newDef)
        vm->newDef = virDomainDefCopy(vm->def, testDriverDomainXMLOption(),
                                      true);
}

void
testDomainStopKeep(testDriver *driver, virDomainObj *vm, int reason)
{
    testDomainConsolesHangup(driver, vm);
    virDomainObjListSetID(driver->domains, vm, -1);
    virDomainObjSetState(vm, VIR_DOMAIN_SHUTOFF, reason);
    if (vm->newDef) {
        virDomainDefFree(vm->def);
        vm->def = g_steal_pointer(&vm->newDef);
        vm->def->id = -1;
    }
}

/* Stops vm (locked): back to its configuration; a transient domain is
 * forgotten, which unlocks vm (the caller keeps its reference). */
void
testDomainShutdownState(testDriver *driver, virDomainObj **vm, int reason)
{
    virDomainObj *obj = *vm;

    testDomainStopKeep(driver, obj, reason);
    if (!obj->persistent) {
        virDomainObjListRemove(driver->domains, obj);
        virObjectUnref(obj);
        *vm = NULL;
    }
}

/* Stops vm (locked) with a STOPPED event of the given detail, which
 * carries upstream's id: -1 once a persistent domain is back to its
 * configuration, the old id for a transient one.  A transient vm goes
 * and *vm becomes NULL. */
void
testDomainStop(testDriver *driver, virDomainObj **vm, int reason, int detail)
{
    virDomainObj *obj = *vm;
    virObjectEvent *ev = virDomainEventLifecycleNew(
        obj->def->name, obj->def->uuid, obj->persistent ? -1 : obj->def->id,
        VIR_DOMAIN_EVENT_STOPPED, detail);

    testDomainShutdownState(driver, vm, reason);
    virObjectEventStateQueue(driver->eventState, ev);
}

/* Names "testnetN" for interfaces without a target device, as upstream's
 * test driver does when it takes a definition. */
void
testDomainGenerateIfnames(virDomainDef *def)
{
    virDomainDevices *devs = def->devices;
    size_t i;

    for (i = 0; i < devs->nnets; i++) {
        int n;

        if (devs->nets[i]->ifname)
            continue;
        for (n = 0;; n++) {
            g_autofree char *name = g_strdup_printf("testnet%d", n);
            size_t j;

            for (j = 0; j < devs->nnets; j++) {
                if (STREQ_NULLABLE(devs->nets[j]->ifname, name))
                    break;
            }
            if (j == devs->nnets) {
                devs->nets[i]->ifname = g_steal_pointer(&name);
                break;
            }
        }
    }
}

virDomainObj *
testDomainAddLive(testDriver *driver, virDomainDef **def)
{
    virDomainDef *oldDef = NULL;
    virDomainObj *vm;

    testDomainGenerateIfnames(*def);
    if (!(vm = virDomainObjListAdd(driver->domains, def,
                                   VIR_DOMAIN_OBJ_LIST_ADD_LIVE |
                                       VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE,
                                   &oldDef)))
        return NULL;
    /* A defined domain started from other XML returns to its own
     * configuration when it stops. */
    if (oldDef && vm->persistent && !vm->newDef)
        vm->newDef = oldDef;
    else
        virDomainDefFree(oldDef);
    return vm;
}

static void
testDomainObjPrivateFree(void *opaque)
{
    testDomainObjPrivate *priv = opaque;

    g_array_unref(priv->iothreads);
    g_free(priv);
}

testDomainObjPrivate *
testDomainObjPrivateGet(virDomainObj *vm)
{
    testDomainObjPrivate *priv = vm->privateData;

    if (priv)
        return priv;
    priv = g_new0(testDomainObjPrivate, 1);
    /* Upstream's guest clock starts at this fixed time. */
    priv->seconds = 627319920;
    priv->iothreads = g_array_new(FALSE, FALSE, sizeof(testIOThreadInfo));
    vm->privateData = priv;
    vm->privateDataFree = testDomainObjPrivateFree;
    return priv;
}

/* What the test: namespace of def says, or its defaults (running,
 * persistent) when def has none. */
static const virDomainTestNsDef *
testDomainNsData(const virDomainDef *def)
{
    static const virDomainTestNsDef defaults = {
        .runstate = VIR_DOMAIN_RUNNING,
    };

    if (def->ns && def->ns->ns == &virDomainTestXMLNamespace && def->ns->data)
        return def->ns->data;
    return &defaults;
}

int
testDomainAddLoaded(testDriver *driver, virDomainDef **def)
{
    g_autoptr(virDomainObj) vm = NULL;
    const virDomainTestNsDef *nsdata;
    testDomainObjPrivate *priv;
    size_t i;

    testDomainGenerateIfnames(*def);
    if (!(vm = virDomainObjListAdd(driver->domains, def, 0, NULL)))
        return -1;
    /* The test: namespace of a node file sets the run state. */
    nsdata = testDomainNsData(vm->def);
    vm->persistent = !nsdata->transient;
    vm->hasManagedSave = nsdata->hasManagedSave;
    /* Loaded guests start with polling I/O threads, as upstream's do. */
    priv = testDomainObjPrivateGet(vm);
    for (i = 0; i < vm->def->vcpu->niothreadids; i++) {
        testIOThreadInfo info = {
            vm->def->vcpu->iothreadids[i]->iothread_id, 32768, 0, 0
        };

        g_array_append_val(priv->iothreads, info);
    }
    /* Loaded guests are in their state for no particular reason, as
     * upstream's are. */
    if (nsdata->runstate != VIR_DOMAIN_SHUTOFF)
        testDomainStartState(driver, vm, VIR_DOMAIN_RUNNING_UNKNOWN);
    virDomainObjSetState(vm, nsdata->runstate, 0);
    return 0;
}

int
testDomainsLoadDefault(testDriver *driver)
{
    g_autoptr(virDomainDef) def = NULL;

    if (!(def = virDomainDefParseString(testDefaultDomainXML,
                                        testDriverDomainXMLOption(),
                                        VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return -1;
    return testDomainAddLoaded(driver, &def);
}

/* The object behind dom, locked and referenced, or NO_DOMAIN as upstream
 * words it. */
virDomainObj *
testDomObjFromDomain(virDomainPtr dom)
{
    testDriver *driver = dom->conn->privateData;
    virDomainObj *vm = virDomainObjListFindByUUID(driver->domains,
                                                  dom->uuid);

    if (!vm) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virReportError(VIR_ERR_NO_DOMAIN,
                       "no domain with matching uuid '%s' (%s)",
                       virUUIDFormat(dom->uuid, uuidstr), dom->name);
    }
    return vm;
}

virDomainObj *
testDomObjActive(virDomainPtr dom)
{
    virDomainObj *vm = testDomObjFromDomain(dom);

    if (vm && virDomainObjCheckActive(vm) < 0)
        virDomainObjEndAPI(&vm);
    return vm;
}

virDomainObj *
testDomObjWithDef(virDomainPtr dom, unsigned int flags, virDomainDef **def,
                  bool *live)
{
    virDomainObj *vm = testDomObjFromDomain(dom);

    if (vm && !(*def = virDomainObjGetOneDefState(vm, flags,
                                                  testDriverDomainXMLOption(),
                                                  live)))
        virDomainObjEndAPI(&vm);
    return vm;
}

virDomainPtr
testDomainPtr(virConnectPtr conn, virDomainObj *vm)
{
    return virGetDomain(conn, vm->def->name, vm->def->uuid, vm->def->id);
}

/* ---- Lookups and lists ---- */

/* The public object for a lookup's result, or upstream's bare
 * NO_DOMAIN error when nothing matched. */
static virDomainPtr
testDomainLookupResult(virConnectPtr conn, virDomainObj *vm)
{
    if (!vm) {
        virReportError(VIR_ERR_NO_DOMAIN, NULL);
        return NULL;
    }
    return testDomainPtr(conn, vm);
}

virDomainPtr
testDomainLookupByID(virConnectPtr conn, int id)
{
    testDriver *driver = conn->privateData;
    g_autoptr(virDomainObj) vm = virDomainObjListFindByID(driver->domains,
                                                          id);

    return testDomainLookupResult(conn, vm);
}

virDomainPtr
testDomainLookupByName(virConnectPtr conn, const char *name)
{
    testDriver *driver = conn->privateData;
    g_autoptr(virDomainObj) vm = virDomainObjListFindByName(driver->domains,
                                                            name);

    return testDomainLookupResult(conn, vm);
}

virDomainPtr
testDomainLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    testDriver *driver = conn->privateData;
    g_autoptr(virDomainObj) vm = virDomainObjListFindByUUID(driver->domains,
                                                            uuid);

    return testDomainLookupResult(conn, vm);
}

static bool
testDomainFilterActive(virDomainObj *vm, void *opaque)
{
    return virDomainObjIsActive(vm) == GPOINTER_TO_INT(opaque);
}

int
testConnectNumOfDomains(virConnectPtr conn)
{
    testDriver *driver = conn->privateData;

    return virDomainObjListCount(driver->domains, testDomainFilterActive,
                                 GINT_TO_POINTER(1));
}

int
testConnectNumOfDefinedDomains(virConnectPtr conn)
{
    testDriver *driver = conn->privateData;

    return virDomainObjListCount(driver->domains, testDomainFilterActive,
                                 GINT_TO_POINTER(0));
}

static gint
testCompareInt(gconstpointer a, gconstpointer b)
{
    return *(const int *)a - *(const int *)b;
}

int
testConnectListDomains(virConnectPtr conn, int *ids, int maxids)
{
    testDriver *driver = conn->privateData;
    size_t nobjs;
    virDomainObj **objs = virDomainObjListCollect(
        driver->domains, testDomainFilterActive, GINT_TO_POINTER(1), &nobjs);
    g_autofree int *all = g_new0(int, nobjs + 1);
    size_t i;
    int n = 0;

    for (i = 0; i < nobjs; i++) {
        virObjectLock(objs[i]);
        if (objs[i]->def->id >= 0)
            all[n++] = objs[i]->def->id;
        virObjectUnlock(objs[i]);
    }
    virDomainObjListFreeObjects(objs, nobjs);
    qsort(all, n, sizeof(int), (int (*)(const void *, const void *))
          testCompareInt);
    n = MIN(n, maxids);
    memcpy(ids, all, n * sizeof(int));
    return n;
}

int
testConnectListDefinedDomains(virConnectPtr conn, char **const names,
                              int maxnames)
{
    testDriver *driver = conn->privateData;
    size_t nobjs;
    virDomainObj **objs = virDomainObjListCollect(
        driver->domains, testDomainFilterActive, GINT_TO_POINTER(0), &nobjs);
    g_autoptr(GPtrArray) all = g_ptr_array_new();
    size_t i;
    int n;

    for (i = 0; i < nobjs; i++) {
        virObjectLock(objs[i]);
        g_ptr_array_add(all, g_strdup(objs[i]->def->name));
        virObjectUnlock(objs[i]);
    }
    virDomainObjListFreeObjects(objs, nobjs);
    g_ptr_array_sort(all, (GCompareFunc)g_strcmp0);
    for (i = 0, n = 0; i < all->len; i++) {
        if (n < maxnames)
            names[n++] = all->pdata[i];
        else
            g_free(all->pdata[i]);
    }
    return n;
}

/* The filter of virConnectListAllDomains: every group of flags narrows
 * the set only when one of its flags is given. */
bool
testDomainFilterAll(virDomainObj *vm, void *opaque)
{
    unsigned int flags = GPOINTER_TO_UINT(opaque);
    bool active = virDomainObjIsActive(vm);
    int state = vm->state;

#define GROUP(a, b) ((flags & ((a) | (b))) != 0)
    if (GROUP(VIR_CONNECT_LIST_DOMAINS_ACTIVE,
              VIR_CONNECT_LIST_DOMAINS_INACTIVE) &&
        !((active && (flags & VIR_CONNECT_LIST_DOMAINS_ACTIVE)) ||
          (!active && (flags & VIR_CONNECT_LIST_DOMAINS_INACTIVE))))
        return false;
    if (GROUP(VIR_CONNECT_LIST_DOMAINS_PERSISTENT,
              VIR_CONNECT_LIST_DOMAINS_TRANSIENT) &&
        !((vm->persistent && (flags & VIR_CONNECT_LIST_DOMAINS_PERSISTENT)) ||
          (!vm->persistent && (flags & VIR_CONNECT_LIST_DOMAINS_TRANSIENT))))
        return false;
    if ((flags & (VIR_CONNECT_LIST_DOMAINS_RUNNING |
                  VIR_CONNECT_LIST_DOMAINS_PAUSED |
                  VIR_CONNECT_LIST_DOMAINS_SHUTOFF |
                  VIR_CONNECT_LIST_DOMAINS_OTHER)) &&
        !(((flags & VIR_CONNECT_LIST_DOMAINS_RUNNING) &&
           state == VIR_DOMAIN_RUNNING) ||
          ((flags & VIR_CONNECT_LIST_DOMAINS_PAUSED) &&
           state == VIR_DOMAIN_PAUSED) ||
          ((flags & VIR_CONNECT_LIST_DOMAINS_SHUTOFF) &&
           state == VIR_DOMAIN_SHUTOFF) ||
          ((flags & VIR_CONNECT_LIST_DOMAINS_OTHER) &&
           state != VIR_DOMAIN_RUNNING && state != VIR_DOMAIN_PAUSED &&
           state != VIR_DOMAIN_SHUTOFF)))
        return false;
    if (GROUP(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE,
              VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE) &&
        !((vm->hasManagedSave &&
           (flags & VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE)) ||
          (!vm->hasManagedSave &&
           (flags & VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE))))
        return false;
    if (GROUP(VIR_CONNECT_LIST_DOMAINS_AUTOSTART,
              VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART) &&
        !((vm->autostart && (flags & VIR_CONNECT_LIST_DOMAINS_AUTOSTART)) ||
          (!vm->autostart &&
           (flags & VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART))))
        return false;
    if (GROUP(VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT,
              VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT) &&
        !((virDomainMomentListSize(vm->snapshots) > 0 &&
           (flags & VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT)) ||
          (virDomainMomentListSize(vm->snapshots) == 0 &&
           (flags & VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT))))
        return false;
    if (GROUP(VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT,
              VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT) &&
        !((virDomainMomentListSize(vm->checkpoints) > 0 &&
           (flags & VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT)) ||
          (virDomainMomentListSize(vm->checkpoints) == 0 &&
           (flags & VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT))))
        return false;
#undef GROUP
    return true;
}

typedef struct {
    virConnectPtr conn;
    unsigned int flags;
    GPtrArray *out; /* NULL when only counting */
    int count;
} testDomainExport;

static void
testDomainExportOne(virDomainObj *vm, void *opaque)
{
    testDomainExport *export = opaque;

    if (!testDomainFilterAll(vm, GUINT_TO_POINTER(export->flags)))
        return;
    export->count++;
    if (export->out)
        g_ptr_array_add(export->out, testDomainPtr(export->conn, vm));
}

int
testConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                          unsigned int flags)
{
    testDriver *driver = conn->privateData;
    testDomainExport export = {conn, flags, NULL, 0};

    virCheckFlags(VIR_CONNECT_LIST_DOMAINS_ACTIVE |
                  VIR_CONNECT_LIST_DOMAINS_INACTIVE |
                  VIR_CONNECT_LIST_DOMAINS_PERSISTENT |
                  VIR_CONNECT_LIST_DOMAINS_TRANSIENT |
                  VIR_CONNECT_LIST_DOMAINS_RUNNING |
                  VIR_CONNECT_LIST_DOMAINS_PAUSED |
                  VIR_CONNECT_LIST_DOMAINS_SHUTOFF |
                  VIR_CONNECT_LIST_DOMAINS_OTHER |
                  VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE |
                  VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE |
                  VIR_CONNECT_LIST_DOMAINS_AUTOSTART |
                  VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART |
                  VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT |
                  VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT |
                  VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT |
                  VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT, -1);

    if (domains)
        export.out = g_ptr_array_new();
    virDomainObjListForEach(driver->domains, testDomainExportOne, &export);
    if (domains) {
        g_ptr_array_add(export.out, NULL);
        *domains = (virDomainPtr *)g_ptr_array_free(export.out, FALSE);
    }
    return export.count;
}

/* ---- Definition ---- */

virDomainPtr
testDomainDefineXMLFlags(virConnectPtr conn, const char *xml,
                         unsigned int flags)
{
    testDriver *driver = conn->privateData;
    unsigned int parseFlags = VIR_DOMAIN_DEF_PARSE_INACTIVE;
    g_autoptr(virDomainDef) def = NULL;
    virDomainDef *oldDef = NULL;
    g_autoptr(virDomainObj) vm = NULL;
    virDomainPtr ret;
    bool existed;

    virCheckFlags(VIR_DOMAIN_DEFINE_VALIDATE, NULL);
    if (flags & VIR_DOMAIN_DEFINE_VALIDATE)
        parseFlags |= VIR_DOMAIN_DEF_PARSE_VALIDATE;
    if (!(def = virDomainDefParseString(xml, testDriverDomainXMLOption(),
                                        parseFlags)))
        return NULL;
    testDomainGenerateIfnames(def);
    if (!(vm = virDomainObjListAdd(driver->domains, &def, 0, &oldDef)))
        return NULL;
    existed = oldDef != NULL || vm->persistent;
    virDomainDefFree(oldDef);
    vm->persistent = true;
    testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_DEFINED,
                             existed ? VIR_DOMAIN_EVENT_DEFINED_UPDATED
                                     : VIR_DOMAIN_EVENT_DEFINED_ADDED);
    ret = testDomainPtr(conn, vm);
    return ret;
}

virDomainPtr
testDomainDefineXML(virConnectPtr conn, const char *xml)
{
    return testDomainDefineXMLFlags(conn, xml, 0);
}

static bool
testDomainHasNvram(virDomainObj *vm)
{
    const virDomainDef *def = virDomainObjGetPersistentDef(vm);
    const virDomainLoaderDef *loader = def->os ? def->os->loader : NULL;

    return (loader && (loader->nvramPath ||
                       loader->nvramType == VIR_DOMAIN_NVRAM_SOURCE_FILE ||
                       loader->nvramType == VIR_DOMAIN_NVRAM_SOURCE_BLOCK)) ||
           (def->os && def->os->firmware == VIR_DOMAIN_OS_DEF_FIRMWARE_EFI);
}

int
testDomainUndefineFlags(virDomainPtr dom, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    /* Upstream's test driver knows no NVRAM, TPM or checkpoint flags;
     * Vireo's takes them as the QEMU driver does. */
    virCheckFlags(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                  VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
                  VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA |
                  VIR_DOMAIN_UNDEFINE_NVRAM |
                  VIR_DOMAIN_UNDEFINE_KEEP_NVRAM |
                  VIR_DOMAIN_UNDEFINE_TPM |
                  VIR_DOMAIN_UNDEFINE_KEEP_TPM, -1);
    if ((flags & VIR_DOMAIN_UNDEFINE_NVRAM) &&
        (flags & VIR_DOMAIN_UNDEFINE_KEEP_NVRAM)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot both keep and delete nvram");
        return -1;
    }
    if ((flags & VIR_DOMAIN_UNDEFINE_TPM) &&
        (flags & VIR_DOMAIN_UNDEFINE_KEEP_TPM)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot both keep and delete TPM");
        return -1;
    }
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (vm->hasManagedSave &&
        !(flags & VIR_DOMAIN_UNDEFINE_MANAGED_SAVE)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "Refusing to undefine while domain managed save image "
                       "exists");
        return -1;
    }
    /* Upstream counts the snapshots of an inactive domain only (the
     * checkpoints not at all); there is no metadata to remove. */
    if (!virDomainObjIsActive(vm) && vm->snapshots &&
        virDomainMomentListSize(vm->snapshots) > 0 &&
        !(flags & VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "cannot delete inactive domain with %zu snapshots",
                       virDomainMomentListSize(vm->snapshots));
        return -1;
    }
    if (!virDomainObjIsActive(vm) && vm->checkpoints &&
        virDomainMomentListSize(vm->checkpoints) > 0 &&
        !(flags & VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "cannot delete inactive domain with %zu checkpoints",
                       virDomainMomentListSize(vm->checkpoints));
        return -1;
    }
    /* An NVRAM store the definition names exists on the fake host: it
     * goes with NVRAM, stays with KEEP_NVRAM, and blocks otherwise. */
    if (testDomainHasNvram(vm) &&
        !(flags & (VIR_DOMAIN_UNDEFINE_NVRAM |
                   VIR_DOMAIN_UNDEFINE_KEEP_NVRAM))) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot undefine domain with nvram");
        return -1;
    }
    vm->hasManagedSave = false;
    testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_UNDEFINED,
                             VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    vm->autostart = false;
    if (virDomainObjIsActive(vm)) {
        /* A running domain becomes transient and goes when it stops. */
        vm->persistent = false;
        virDomainDefFree(g_steal_pointer(&vm->newDef));
    } else {
        virDomainObjListRemove(driver->domains, vm);
        virObjectUnref(g_steal_pointer(&vm));
    }
    return 0;
}

int
testDomainUndefine(virDomainPtr dom)
{
    return testDomainUndefineFlags(dom, 0);
}

/* ---- Lifecycle ---- */

/* Domains started with VIR_DOMAIN_START_AUTODESTROY, per connection:
 * the run (uuid and id) to destroy when that connection closes.  A run
 * that ended some other way is left alone (ids are never reused). */
typedef struct {
    virConnectPtr conn;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int id;
} testAutoDestroy;

static GMutex testAutoDestroyLock;
static GArray *testAutoDestroyRuns;

/* Records vm's current run (vm locked) for destruction with conn. */
static void
testDomainAutoDestroyAdd(virConnectPtr conn, virDomainObj *vm)
{
    testAutoDestroy run = {.conn = conn, .id = vm->def->id};

    memcpy(run.uuid, vm->def->uuid, VIR_UUID_BUFLEN);
    g_mutex_lock(&testAutoDestroyLock);
    if (!testAutoDestroyRuns)
        testAutoDestroyRuns = g_array_new(FALSE, FALSE,
                                          sizeof(testAutoDestroy));
    g_array_append_val(testAutoDestroyRuns, run);
    g_mutex_unlock(&testAutoDestroyLock);
}

void
testDomainAutoDestroyRun(testDriver *driver, virConnectPtr conn)
{
    g_autoptr(GArray) mine = g_array_new(FALSE, FALSE,
                                         sizeof(testAutoDestroy));
    guint i;

    /* Take this connection's runs out first; the domains are locked
     * without the list's lock held. */
    g_mutex_lock(&testAutoDestroyLock);
    for (i = 0; testAutoDestroyRuns && i < testAutoDestroyRuns->len;) {
        testAutoDestroy *run = &g_array_index(testAutoDestroyRuns,
                                              testAutoDestroy, i);

        if (run->conn == conn) {
            g_array_append_val(mine, *run);
            g_array_remove_index_fast(testAutoDestroyRuns, i);
        } else {
            i++;
        }
    }
    g_mutex_unlock(&testAutoDestroyLock);

    for (i = 0; i < mine->len; i++) {
        testAutoDestroy *run = &g_array_index(mine, testAutoDestroy, i);
        g_autoptr(virDomainObj) vm =
            virDomainObjListFindByUUID(driver->domains, run->uuid);

        if (!vm || !virDomainObjIsActive(vm) || vm->def->id != run->id)
            continue;
        VIR_DEBUG("destroying autodestroy domain '%s'", vm->def->name);
        testDomainStop(driver, &vm, VIR_DOMAIN_SHUTOFF_DESTROYED,
                       VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    }
}

virDomainPtr
testDomainCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *driver = conn->privateData;
    unsigned int parseFlags = VIR_DOMAIN_DEF_PARSE_INACTIVE;
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(virDomainObj) vm = NULL;
    virDomainPtr ret;

    virCheckFlags(VIR_DOMAIN_START_VALIDATE | VIR_DOMAIN_START_PAUSED |
                  VIR_DOMAIN_START_AUTODESTROY, NULL);
    if (flags & VIR_DOMAIN_START_VALIDATE)
        parseFlags |= VIR_DOMAIN_DEF_PARSE_VALIDATE;
    if (!(def = virDomainDefParseString(xml, testDriverDomainXMLOption(),
                                        parseFlags)))
        return NULL;
    if (!(vm = testDomainAddLive(driver, &def)))
        return NULL;
    testDomainStartState(driver, vm, VIR_DOMAIN_RUNNING_BOOTED);
    if (flags & VIR_DOMAIN_START_AUTODESTROY)
        testDomainAutoDestroyAdd(conn, vm);
    testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_STARTED,
                             VIR_DOMAIN_EVENT_STARTED_BOOTED);
    if (flags & VIR_DOMAIN_START_PAUSED) {
        virDomainObjSetState(vm, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
        testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_SUSPENDED,
                                 VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    }
    ret = testDomainPtr(conn, vm);
    return ret;
}

int
testDomainCreateWithFlags(virDomainPtr dom, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(VIR_DOMAIN_START_PAUSED | VIR_DOMAIN_START_AUTODESTROY, -1);
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virDomainObjIsActive(vm)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Domain '%s' is already running", dom->name);
        return -1;
    }
    testDomainStartState(driver, vm, VIR_DOMAIN_RUNNING_BOOTED);
    if (flags & VIR_DOMAIN_START_AUTODESTROY)
        testDomainAutoDestroyAdd(dom->conn, vm);
    dom->id = vm->def->id;
    testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_STARTED,
                             VIR_DOMAIN_EVENT_STARTED_BOOTED);
    if (flags & VIR_DOMAIN_START_PAUSED) {
        virDomainObjSetState(vm, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
        testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_SUSPENDED,
                                 VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    }
    return 0;
}

int
testDomainCreate(virDomainPtr dom)
{
    return testDomainCreateWithFlags(dom, 0);
}

int
testDomainDestroyFlags(virDomainPtr dom, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(VIR_DOMAIN_DESTROY_GRACEFUL, -1);
    if (!(vm = testDomObjActive(dom)))
        return -1;
    testDomainStop(driver, &vm, VIR_DOMAIN_SHUTOFF_DESTROYED,
                   VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    dom->id = -1;
    return 0;
}

int
testDomainDestroy(virDomainPtr dom)
{
    return testDomainDestroyFlags(dom, 0);
}

/* The guest "reacts" to a shutdown or reboot request at once, following
 * its on_poweroff / on_reboot action as upstream's test driver does. */
static void
testDomainApplyAction(testDriver *driver, virDomainObj **vm, int action,
                      int shutoffReason)
{
    switch (action) {
    case VIR_DOMAIN_LIFECYCLE_ACTION_RESTART:
    case VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME:
    case VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART:
        virDomainObjSetState(*vm, VIR_DOMAIN_RUNNING,
                             VIR_DOMAIN_RUNNING_BOOTED);
        break;
    case VIR_DOMAIN_LIFECYCLE_ACTION_PRESERVE:
        virDomainObjSetState(*vm, VIR_DOMAIN_SHUTOFF, shutoffReason);
        break;
    default:
        testDomainStop(driver, vm, shutoffReason,
                       VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
        break;
    }
}

int
testDomainShutdownFlags(virDomainPtr dom, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (vm->state != VIR_DOMAIN_RUNNING) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not running",
                       dom->name);
        return -1;
    }
    testDomainApplyAction(driver, &vm, vm->def->onPoweroff,
                          VIR_DOMAIN_SHUTOFF_SHUTDOWN);
    if (!vm || !virDomainObjIsActive(vm))
        dom->id = -1;
    return 0;
}

int
testDomainShutdown(virDomainPtr dom)
{
    return testDomainShutdownFlags(dom, 0);
}

int
testDomainReboot(virDomainPtr dom, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(VIR_DOMAIN_REBOOT_DEFAULT |
                  VIR_DOMAIN_REBOOT_ACPI_POWER_BTN |
                  VIR_DOMAIN_REBOOT_GUEST_AGENT |
                  VIR_DOMAIN_REBOOT_INITCTL |
                  VIR_DOMAIN_REBOOT_SIGNAL |
                  VIR_DOMAIN_REBOOT_PARAVIRT, -1);
    if (!(vm = testDomObjActive(dom)))
        return -1;
    if (vm->state != VIR_DOMAIN_RUNNING) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not running",
                       dom->name);
        return -1;
    }
    virObjectEventStateQueue(driver->eventState,
                             virDomainEventNew(VIR_DOMAIN_EVENT_ID_REBOOT,
                                               vm->def->name, vm->def->uuid,
                                               vm->def->id));
    testDomainApplyAction(driver, &vm, vm->def->onReboot,
                          VIR_DOMAIN_SHUTOFF_SHUTDOWN);
    if (!vm || !virDomainObjIsActive(vm))
        dom->id = -1;
    return 0;
}

int
testDomainReset(virDomainPtr dom, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (!(vm = testDomObjActive(dom)))
        return -1;
    return 0;
}

/* Pausing and unpausing: from one state to the other, with upstream's
 * internal error naming the state the domain is not in. */
static int
testDomainPauseTransition(virDomainPtr dom, int from, const char *fromWord,
                          int to, int reason, int event, int detail)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (vm->state != from) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not %s",
                       dom->name, fromWord);
        return -1;
    }
    virDomainObjSetState(vm, to, reason);
    testDomainQueueLifecycle(driver, vm, event, detail);
    return 0;
}

int
testDomainSuspend(virDomainPtr dom)
{
    return testDomainPauseTransition(dom, VIR_DOMAIN_RUNNING, "running",
                                     VIR_DOMAIN_PAUSED,
                                     VIR_DOMAIN_PAUSED_USER,
                                     VIR_DOMAIN_EVENT_SUSPENDED,
                                     VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
}

int
testDomainResume(virDomainPtr dom)
{
    return testDomainPauseTransition(dom, VIR_DOMAIN_PAUSED, "paused",
                                     VIR_DOMAIN_RUNNING,
                                     VIR_DOMAIN_RUNNING_UNPAUSED,
                                     VIR_DOMAIN_EVENT_RESUMED,
                                     VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
}

/* ---- Information ---- */

int
testDomainGetInfo(virDomainPtr dom, virDomainInfoPtr info)
{
    g_autoptr(virDomainObj) vm = NULL;
    struct timeval tv;

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    gettimeofday(&tv, NULL);
    info->state = vm->state;
    info->memory = vm->def->mem->cur_balloon;
    info->maxMem = vm->def->mem->total_memory;
    info->nrVirtCpu = virDomainDefGetVcpus(vm->def);
    info->cpuTime = (unsigned long long)tv.tv_sec * 1000000000ULL +
                    (unsigned long long)tv.tv_usec * 1000ULL;
    return 0;
}

int
testDomainGetState(virDomainPtr dom, int *state, int *reason,
                   unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    *state = virDomainObjGetState(vm, reason);
    return 0;
}

char *
testDomainGetXMLDesc(virDomainPtr dom, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *def;
    char *ret;

    virCheckFlags(VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE |
                  VIR_DOMAIN_XML_UPDATE_CPU | VIR_DOMAIN_XML_MIGRATABLE,
                  NULL);
    if (!(vm = testDomObjFromDomain(dom)))
        return NULL;
    def = (flags & VIR_DOMAIN_XML_INACTIVE) && vm->newDef ? vm->newDef
                                                          : vm->def;
    ret = virDomainDefFormat(def, flags);
    return ret;
}

char *
testDomainGetOSType(virDomainPtr dom)
{
    g_autoptr(virDomainObj) vm = NULL;

    /* Upstream's test driver answers "linux" whatever the definition. */
    if (!(vm = testDomObjFromDomain(dom)))
        return NULL;
    return g_strdup("linux");
}

unsigned long
testDomainGetMaxMemory(virDomainPtr dom)
{
    g_autoptr(virDomainObj) vm = NULL;
    unsigned long ret;

    if (!(vm = testDomObjFromDomain(dom)))
        return 0;
    ret = vm->def->mem->total_memory;
    return ret;
}

static int
testDomainBoolQuery(virDomainPtr dom, int which)
{
    g_autoptr(virDomainObj) vm = NULL;
    int ret;

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    ret = which == 0 ? virDomainObjIsActive(vm) : vm->persistent;
    return ret;
}

int
testDomainIsActive(virDomainPtr dom)
{
    return testDomainBoolQuery(dom, 0);
}

int
testDomainIsPersistent(virDomainPtr dom)
{
    return testDomainBoolQuery(dom, 1);
}

int
testDomainIsUpdated(virDomainPtr dom G_GNUC_UNUSED)
{
    return 0;
}

int
testDomainGetAutostart(virDomainPtr dom, int *autostart)
{
    g_autoptr(virDomainObj) vm = NULL;

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    *autostart = vm->autostart;
    return 0;
}

int
testDomainSetAutostart(virDomainPtr dom, int autostart)
{
    g_autoptr(virDomainObj) vm = NULL;

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    vm->autostart = autostart != 0;
    return 0;
}

/* ---- Events ---- */

int
testConnectDomainEventRegister(virConnectPtr conn,
                               virConnectDomainEventCallback cb,
                               void *opaque, virFreeCallback freecb)
{
    testDriver *driver = conn->privateData;

    if (virObjectEventStateRegisterID(driver->eventState, conn,
                                      VIR_EVENT_KIND_DOMAIN,
                                      VIR_DOMAIN_EVENT_ID_LIFECYCLE, NULL,
                                      NULL, (void (*)(void))cb, opaque,
                                      freecb, true) < 0)
        return -1;
    return 0;
}

int
testConnectDomainEventDeregister(virConnectPtr conn,
                                 virConnectDomainEventCallback cb)
{
    testDriver *driver = conn->privateData;

    if (virObjectEventStateDeregisterLegacy(driver->eventState, conn,
                                            (void (*)(void))cb) < 0)
        return -1;
    return 0;
}

int
testConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                  int eventID,
                                  virConnectDomainEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    testDriver *driver = conn->privateData;

    return virObjectEventStateRegisterID(
        driver->eventState, conn, VIR_EVENT_KIND_DOMAIN, eventID,
        dom ? dom->uuid : NULL, NULL, (void (*)(void))cb, opaque, freecb,
        false);
}

int
testConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    testDriver *driver = conn->privateData;

    if (virObjectEventStateDeregisterID(driver->eventState, conn,
                                        callbackID) < 0)
        return -1;
    return 0;
}

/* ---- Metadata ---- */

char *
testDomainGetMetadata(virDomainPtr dom, int type, const char *uri,
                      unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *live;
    virDomainDef *config;
    char *ret = NULL;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, NULL);
    if (!(vm = testDomObjFromDomain(dom)))
        return NULL;
    if (virDomainObjGetDefs(vm, flags, testDriverDomainXMLOption(), &live,
                            &config) == 0)
        ret = virDomainDefGetMetadata(live ? live : config, type, uri);
    return ret;
}

int
testDomainSetMetadata(virDomainPtr dom, int type, const char *metadata,
                      const char *key, const char *uri, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *live;
    virDomainDef *config;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virDomainObjGetDefs(vm, flags, testDriverDomainXMLOption(), &live,
                            &config) < 0)
        return -1;
    if (live && virDomainDefSetMetadata(live, type, metadata, key, uri) < 0)
        return -1;
    if (config &&
        virDomainDefSetMetadata(config, type, metadata, key, uri) < 0)
        return -1;
    virObjectEventStateQueue(driver->eventState,
                             virDomainEventMetadataChangeNew(
                                 vm->def->name, vm->def->uuid, vm->def->id,
                                 type, uri));
    return 0;
}
