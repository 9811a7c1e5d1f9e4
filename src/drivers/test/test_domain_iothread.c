/*
 * test_domain_iothread.c: the I/O threads of test domains: listing them
 * with their CPU affinity, adding, removing and pinning them, and their
 * polling parameters, with upstream's test driver's checks.
 *
 * The threads themselves are the definition's <iothreadids>; the polling
 * parameters of a running domain's threads live in its private state
 * (testDomainObjPrivate.iothreads), where the bulk stats read them.
 */
#include "test_driver.h"
#include "conf/domain_controller.h"
#include "conf/domain_disk.h"
#include "conf/domain_vcpu.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_iothread");

/* A new thread polls for up to this long, as upstream's do. */
#define TEST_IOTHREAD_POLL_MAX_NS 32768

static int
testIOThreadIDNonZero(unsigned int iothread_id)
{
    if (iothread_id != 0)
        return 0;
    virReportError(VIR_ERR_INVALID_ARG, "%s",
                   "invalid value of 0 for iothread_id");
    return -1;
}

static int
testDomainGetIOThreadInfo(virDomainPtr dom, virDomainIOThreadInfoPtr **info,
                          unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virBitmap) all = NULL;
    virDomainIOThreadInfoPtr *list;
    virDomainDef *def;
    size_t n;
    size_t i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    if ((n = def->vcpu->niothreadids) == 0)
        return 0;

    /* An unpinned thread may run on any CPU the domain's vCPUs may: upstream
     * counts those by the domain's online vCPUs. */
    all = virBitmapNew(virDomainDefGetVcpus(def));
    virBitmapSetAll(all);
    list = g_new0(virDomainIOThreadInfoPtr, n);
    for (i = 0; i < n; i++) {
        virDomainIOThreadIDDef *iothread = def->vcpu->iothreadids[i];
        const virBitmap *map = iothread->cpumask ? iothread->cpumask :
                               def->vcpu->cpumask ? def->vcpu->cpumask : all;

        list[i] = g_new0(virDomainIOThreadInfo, 1);
        list[i]->iothread_id = iothread->iothread_id;
        list[i]->cpumaplen = MAX(VIR_CPU_MAPLEN(virBitmapSize(map)), 1);
        list[i]->cpumap = g_new0(unsigned char, list[i]->cpumaplen);
        virBitmapToDataBuf(map, list[i]->cpumap, list[i]->cpumaplen);
    }
    *info = list;
    return n;
}

static int
testDomainAddIOThread(virDomainPtr dom, unsigned int iothread_id,
                      unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    testIOThreadInfo poll = { iothread_id, TEST_IOTHREAD_POLL_MAX_NS, 0, 0 };
    virDomainDef *def;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (testIOThreadIDNonZero(iothread_id) < 0 ||
        !(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    if (virDomainDefIOThreadFind(def, iothread_id)) {
        testDomainConfError(VIR_ERR_INVALID_ARG,
                            "an IOThread is already using iothread_id '%u'",
                            iothread_id);
        return -1;
    }
    virDomainDefIOThreadAdd(def, iothread_id);
    g_array_append_val(testDomainObjPrivateGet(vm)->iothreads, poll);
    return 0;
}

/* Whether a disk or controller of def still uses the thread, with
 * upstream's error. */
static bool
testIOThreadInUse(const virDomainDef *def, unsigned int iothread_id)
{
    const virDomainDevices *devs = def->devices;
    size_t i;

    for (i = 0; i < devs->ndisks; i++) {
        if (devs->disks[i]->iothread == iothread_id) {
            testDomainConfError(VIR_ERR_INVALID_ARG,
                                "cannot remove IOThread %u since it is being "
                                "used by disk '%s'",
                                iothread_id, devs->disks[i]->dst);
            return true;
        }
    }
    for (i = 0; i < devs->ncontrollers; i++) {
        if (devs->controllers[i]->iothread == iothread_id) {
            testDomainConfError(VIR_ERR_INVALID_ARG,
                                "cannot remove IOThread '%u' since it is "
                                "being used by controller", iothread_id);
            return true;
        }
    }
    return false;
}

/* The polling parameters of a thread, or NULL. */
static testIOThreadInfo *
testIOThreadPoll(virDomainObj *vm, unsigned int iothread_id, guint *index)
{
    GArray *threads = testDomainObjPrivateGet(vm)->iothreads;
    guint i;

    for (i = 0; i < threads->len; i++) {
        testIOThreadInfo *poll = &g_array_index(threads, testIOThreadInfo, i);

        if (poll->iothread_id == iothread_id) {
            if (index)
                *index = i;
            return poll;
        }
    }
    return NULL;
}

static int
testDomainDelIOThread(virDomainPtr dom, unsigned int iothread_id,
                      unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *def;
    guint index;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (testIOThreadIDNonZero(iothread_id) < 0 ||
        !(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    if (!virDomainDefIOThreadFind(def, iothread_id)) {
        testDomainConfError(VIR_ERR_INVALID_ARG,
                            "cannot find IOThread '%u' in iothreadids list",
                            iothread_id);
        return -1;
    }
    if (testIOThreadInUse(def, iothread_id))
        return -1;
    virDomainDefIOThreadDel(def, iothread_id);
    if (testIOThreadPoll(vm, iothread_id, &index))
        g_array_remove_index(testDomainObjPrivateGet(vm)->iothreads, index);
    return 0;
}

static int
testDomainPinIOThread(virDomainPtr dom, unsigned int iothread_id,
                      unsigned char *cpumap, int maplen, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virBitmap) map = NULL;
    virDomainIOThreadIDDef *iothread;
    virDomainDef *def;
    bool live;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!(vm = testDomObjWithDef(dom, flags, &def, &live)))
        return -1;
    map = virBitmapNewData(cpumap, maplen);
    if (virBitmapIsAllClear(map)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Empty iothread cpumap list for pinning");
        return -1;
    }
    if (!(iothread = virDomainDefIOThreadFind(def, iothread_id))) {
        virReportError(VIR_ERR_INVALID_ARG, "iothreadid %d not found",
                       iothread_id);
        return -1;
    }
    virBitmapFree(iothread->cpumask);
    iothread->cpumask = g_steal_pointer(&map);
    iothread->autofill = false;
    if (live) {
        g_autofree char *name = g_strdup_printf(
            VIR_DOMAIN_TUNABLE_CPU_IOTHREADSPIN, iothread_id);

        testDomainQueueTunablePin(dom->conn->privateData, vm, name,
                                  iothread->cpumask);
    }
    return 0;
}

static int
testDomainSetIOThreadParams(virDomainPtr dom, unsigned int iothread_id,
                            virTypedParameterPtr params, int nparams,
                            unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    testIOThreadInfo *poll;
    virDomainDef *def;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE, -1);

    if (testIOThreadIDNonZero(iothread_id) < 0 ||
        !(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    if (!virDomainDefIOThreadFind(def, iothread_id)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "cannot find IOThread '%u' in iothreadids",
                       iothread_id);
        return -1;
    }
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_IOTHREAD_POLL_MAX_NS,
                               VIR_TYPED_PARAM_ULLONG,
                               VIR_DOMAIN_IOTHREAD_POLL_GROW,
                               VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_IOTHREAD_POLL_SHRINK,
                               VIR_TYPED_PARAM_UINT,
                               NULL) < 0)
        return -1;
    /* A thread of the configuration that never ran has no polling state:
     * upstream fails without a message there, Vireo says why. */
    if (!(poll = testIOThreadPoll(vm, iothread_id, NULL))) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "IOThread '%u' has no polling parameters",
                       iothread_id);
        return -1;
    }
    if (virTypedParamsGetULLong(params, nparams,
                                VIR_DOMAIN_IOTHREAD_POLL_MAX_NS,
                                &poll->poll_max_ns) < 0 ||
        virTypedParamsGetUInt(params, nparams, VIR_DOMAIN_IOTHREAD_POLL_GROW,
                              &poll->poll_grow) < 0 ||
        virTypedParamsGetUInt(params, nparams,
                              VIR_DOMAIN_IOTHREAD_POLL_SHRINK,
                              &poll->poll_shrink) < 0)
        return -1;
    return 0;
}

void
testDomainIOThreadSlots(virHypervisorDriver *hv)
{
    hv->domainGetIOThreadInfo = testDomainGetIOThreadInfo;
    hv->domainAddIOThread = testDomainAddIOThread;
    hv->domainDelIOThread = testDomainDelIOThread;
    hv->domainPinIOThread = testDomainPinIOThread;
    hv->domainSetIOThreadParams = testDomainSetIOThreadParams;
}
