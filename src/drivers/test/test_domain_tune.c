/*
 * test_domain_tune.c: memory, vCPU, pinning, scheduler and tuning
 * parameters of domains, as upstream's test driver has them.
 *
 * Everything is kept in the definitions (live and configuration), so the
 * domain XML shows it; the checks, errors and parameter lists are
 * upstream's.  Upstream's scheduler parameters are a fixed "weight" of 50
 * that setting does not change; we do the same.
 */
#include "test_driver.h"
#include "test_xmlopt.h"
#include "conf/domain_devices.h"
#include "conf/domain_memballoon.h"
#include "conf/domain_memory.h"
#include "conf/domain_net.h"
#include "conf/domain_numa.h"
#include "conf/domain_vcpu.h"
#include "util/virbitmap.h"
#include "util/virbuffer.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_tune");

/* ---- Helpers ---- */

/* The numbers a "set parameters" call gives for the n names (checked by
 * virTypedParamsValidate: unsigned ints or long longs): values[i] and
 * given[i] for names[i], left alone when not given. */
static void
testParamsGather(virTypedParameterPtr params, int nparams,
                 const char *const *names, size_t n,
                 unsigned long long *values, bool *given)
{
    int i;
    size_t j;

    for (i = 0; i < nparams; i++) {
        for (j = 0; j < n; j++) {
            if (STRNEQ(params[i].field, names[j]))
                continue;
            values[j] = params[i].type == VIR_TYPED_PARAM_UINT ?
                        params[i].value.ui : params[i].value.ul;
            given[j] = true;
        }
    }
}

/* Fills values[i] with names[i] and the number nums[i], all of type. */
static int
testParamsFill(virTypedParameter *values, const char *const *names,
               const unsigned long long *nums, size_t n, int type)
{
    size_t i;

    for (i = 0; i < n; i++) {
        int rc;

        if (type == VIR_TYPED_PARAM_UINT)
            rc = virTypedParamAssign(&values[i], names[i], type,
                                     (unsigned int)nums[i]);
        else
            rc = virTypedParamAssign(&values[i], names[i], type, nums[i]);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int
testParamsGet(virDomainPtr dom, virTypedParameterPtr params, int *nparams,
              unsigned int flags, int n, testParamsReader read,
              const void *opaque)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree virTypedParameter *values = NULL;
    virDomainDef *def;
    int i;

    if (*nparams == 0) {
        *nparams = n;
        return 0;
    }
    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    values = g_new0(virTypedParameter, n);
    if (read(def, values, opaque) < 0) {
        for (i = 0; i < n; i++) {
            if (values[i].type == VIR_TYPED_PARAM_STRING)
                g_free(values[i].value.s);
        }
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (i < *nparams)
            params[i] = values[i];
        else if (values[i].type == VIR_TYPED_PARAM_STRING)
            g_free(values[i].value.s);
    }
    *nparams = MIN(*nparams, n);
    return 0;
}

static int
testHostCPUs(testDriver *driver)
{
    return VIR_NODEINFO_MAXCPUS(driver->nodeInfo);
}

static virBitmap *
testAllHostCPUs(testDriver *driver)
{
    virBitmap *map = virBitmapNew(testHostCPUs(driver));

    virBitmapSetAll(map);
    return map;
}

/* ---- Memory ---- */

static int
testDomainSetMemoryFlags(virDomainPtr dom, unsigned long memory,
                         unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *def;
    bool live = false;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_MEM_MAXIMUM, -1);
    if (!(vm = testDomObjWithDef(dom, flags, &def, &live)))
        return -1;

    if (flags & VIR_DOMAIN_MEM_MAXIMUM) {
        if (live) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "cannot resize the maximum memory on an active "
                           "domain");
            return -1;
        }
        if (virDomainNumaGetNodeCount(def->numa) > 0) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "initial memory size of a domain with NUMA nodes "
                           "cannot be modified with this API");
            return -1;
        }
        if (def->mem->max_memory && def->mem->max_memory < memory) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "cannot set initial memory size greater than the "
                           "maximum memory size");
            return -1;
        }
        def->mem->total_memory = memory;
        if (def->mem->cur_balloon > memory)
            def->mem->cur_balloon = memory;
        return 0;
    }
    if (memory > def->mem->total_memory) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "cannot set memory higher than max memory");
        return -1;
    }
    def->mem->cur_balloon = memory;
    return 0;
}

static int
testDomainSetMemory(virDomainPtr dom, unsigned long memory)
{
    return testDomainSetMemoryFlags(dom, memory, VIR_DOMAIN_AFFECT_LIVE);
}

static int
testDomainSetMaxMemory(virDomainPtr dom, unsigned long memory)
{
    return testDomainSetMemoryFlags(dom, memory, VIR_DOMAIN_MEM_MAXIMUM);
}

static int
testDomainSetMemoryStatsPeriod(virDomainPtr dom, int period,
                               unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *def;
    virDomainMemballoonDef *balloon;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    if (!(balloon = testDomainMemballoon(def))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No memory balloon device configured, can not set "
                       "the collection period");
        return -1;
    }
    balloon->period = period;
    return 0;
}

/* ---- vCPUs ---- */

/* Brings the first n vCPUs online and the others offline (n is within
 * the maximum). */
static void
testVcpusSetOnline(virDomainDef *def, size_t n)
{
    size_t i;

    for (i = 0; i < def->vcpu->maxvcpus; i++)
        def->vcpu->vcpus[i]->online = i < n;
}

/* Grows (new vCPUs offline) or shrinks the vCPU list to max. */
static void
testVcpusSetMax(virDomainDef *def, size_t max)
{
    virDomainVcpuSection *part = def->vcpu;
    size_t i;

    if (max == part->maxvcpus)
        return;
    for (i = max; i < part->maxvcpus; i++) {
        virBitmapFree(part->vcpus[i]->cpumask);
        g_free(part->vcpus[i]);
    }
    part->vcpus = g_renew(virDomainVcpuDef *, part->vcpus, MAX(max, 1));
    for (i = part->maxvcpus; i < max; i++)
        part->vcpus[i] = g_new0(virDomainVcpuDef, 1);
    part->maxvcpus = max;
}

static int
testDomainGetVcpusFlags(virDomainPtr dom, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *def;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_VCPU_MAXIMUM, -1);
    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    if (flags & VIR_DOMAIN_VCPU_MAXIMUM)
        return virDomainDefGetVcpusMax(def);
    return virDomainDefGetVcpus(def);
}

static int
testDomainGetMaxVcpus(virDomainPtr dom)
{
    return testDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE |
                                            VIR_DOMAIN_VCPU_MAXIMUM);
}

static int
testDomainSetVcpusFlags(virDomainPtr dom, unsigned int nrCpus,
                        unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *live;
    virDomainDef *config;
    int hostMax;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_VCPU_MAXIMUM, -1);
    if ((hostMax = testConnectGetMaxVcpus(dom->conn, NULL)) < 0)
        return -1;
    if (nrCpus > (unsigned int)hostMax) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested cpu amount exceeds maximum supported "
                       "amount (%d > %d)", nrCpus, hostMax);
        return -1;
    }
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virDomainObjGetDefs(vm, flags, testDriverDomainXMLOption(), &live,
                            &config) < 0)
        return -1;
    if (live && virDomainDefGetVcpusMax(live) < nrCpus) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested cpu amount exceeds maximum (%d > %d)",
                       nrCpus, (int)virDomainDefGetVcpusMax(live));
        return -1;
    }
    if (config && !(flags & VIR_DOMAIN_VCPU_MAXIMUM) &&
        virDomainDefGetVcpusMax(config) < nrCpus) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested cpu amount exceeds maximum (%d > %d)",
                       nrCpus, (int)virDomainDefGetVcpusMax(config));
        return -1;
    }
    if (live)
        testVcpusSetOnline(live, nrCpus);
    if (config) {
        if (flags & VIR_DOMAIN_VCPU_MAXIMUM)
            testVcpusSetMax(config, nrCpus);
        else
            testVcpusSetOnline(config, nrCpus);
    }
    return 0;
}

static int
testDomainSetVcpus(virDomainPtr dom, unsigned int nrCpus)
{
    return testDomainSetVcpusFlags(dom, nrCpus, VIR_DOMAIN_AFFECT_LIVE);
}

/* Where vCPU i may run: its pinning, the domain's cpuset, or anywhere. */
static const virBitmap *
testVcpuAffinity(const virDomainDef *def, size_t i, const virBitmap *all)
{
    virDomainVcpuDef *vcpu = virDomainDefGetVcpu(def, i);

    if (vcpu && vcpu->cpumask)
        return vcpu->cpumask;
    if (def->vcpu->cpumask)
        return def->vcpu->cpumask;
    return all;
}

static int
testDomainGetVcpus(virDomainPtr dom, virVcpuInfoPtr info, int maxinfo,
                   unsigned char *cpumaps, int maplen)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virBitmap) all = NULL;
    unsigned long long now;
    virDomainDef *def;
    int online;
    int i;

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (!virDomainObjIsActive(vm)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot list vcpus for an inactive domain");
        return -1;
    }
    def = vm->def;
    all = testAllHostCPUs(driver);
    now = g_get_real_time();
    online = virDomainDefGetVcpus(def);
    if (maxinfo > online)
        maxinfo = online;
    memset(info, 0, sizeof(*info) * maxinfo);
    if (cpumaps)
        memset(cpumaps, 0, (size_t)maxinfo * maplen);

    /* As upstream: the first maxinfo vCPUs, offline ones left zeroed. */
    for (i = 0; i < maxinfo; i++) {
        virDomainVcpuDef *vcpu = virDomainDefGetVcpu(def, i);
        const virBitmap *map;

        if (!vcpu->online)
            continue;
        map = testVcpuAffinity(def, i, all);
        if (cpumaps)
            virBitmapToDataBuf(map, VIR_GET_CPUMAP(cpumaps, maplen, i),
                             maplen);
        info[i].number = i;
        info[i].state = VIR_VCPU_RUNNING;
        info[i].cpu = virBitmapLastSetBit(map);
        /* A fake, growing CPU time. */
        info[i].cpuTime = now / 10;
    }
    return maxinfo;
}

static int
testDomainPinVcpuFlags(virDomainPtr dom, unsigned int vcpu,
                       unsigned char *cpumap, int maplen, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *name = NULL;
    virDomainVcpuDef *vcpuinfo;

    virCheckFlags(0, -1);
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (!virDomainObjIsActive(vm)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot pin vcpus on an inactive domain");
        return -1;
    }
    if (!(vcpuinfo = virDomainDefGetVcpu(vm->def, vcpu)) ||
        !vcpuinfo->online) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested vcpu '%d' is not present in the domain",
                       vcpu);
        return -1;
    }
    virBitmapFree(vcpuinfo->cpumask);
    vcpuinfo->cpumask = virBitmapNewData(cpumap, maplen);
    name = g_strdup_printf(VIR_DOMAIN_TUNABLE_CPU_VCPUPIN, vcpu);
    testDomainQueueTunablePin(dom->conn->privateData, vm, name,
                              vcpuinfo->cpumask);
    return 0;
}

static int
testDomainPinVcpu(virDomainPtr dom, unsigned int vcpu, unsigned char *cpumap,
                  int maplen)
{
    return testDomainPinVcpuFlags(dom, vcpu, cpumap, maplen, 0);
}

static int
testDomainGetVcpuPinInfo(virDomainPtr dom, int ncpumaps,
                         unsigned char *cpumaps, int maplen,
                         unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virBitmap) all = NULL;
    virDomainDef *def;
    int i;

    /* Upstream checks no flags here: only the LIVE/CONFIG choice. */
    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    all = testAllHostCPUs(driver);
    for (i = 0; i < (int)virDomainDefGetVcpusMax(def) && i < ncpumaps; i++)
        virBitmapToDataBuf(testVcpuAffinity(def, i, all),
                         VIR_GET_CPUMAP(cpumaps, maplen, i), maplen);
    return i;
}

static int
testDomainPinEmulator(virDomainPtr dom, unsigned char *cpumap, int maplen,
                      unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virBitmap) map = NULL;
    virDomainDef *def;
    bool live;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (!(vm = testDomObjWithDef(dom, flags, &def, &live)))
        return -1;
    map = virBitmapNewData(cpumap, maplen);
    if (virBitmapIsAllClear(map)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Empty cpu list for pinning");
        return -1;
    }
    virBitmapFree(def->vcpu->emulatorpin);
    def->vcpu->emulatorpin = g_steal_pointer(&map);
    if (live)
        testDomainQueueTunablePin(dom->conn->privateData, vm,
                                  VIR_DOMAIN_TUNABLE_CPU_EMULATORPIN,
                                  def->vcpu->emulatorpin);
    return 0;
}

static int
testDomainGetEmulatorPinInfo(virDomainPtr dom, unsigned char *cpumaps,
                             int maplen, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virBitmap) all = NULL;
    virDomainDef *def;
    const virBitmap *map;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    all = testAllHostCPUs(driver);
    if (def->vcpu->emulatorpin)
        map = def->vcpu->emulatorpin;
    else if (def->vcpu->cpumask)
        map = def->vcpu->cpumask;
    else
        map = all;
    virBitmapToDataBuf(map, cpumaps, maplen);
    return 1;
}

/* ---- Scheduler: upstream's fixed "fair" weight ---- */

#define TEST_SCHED_WEIGHT 50

static char *
testDomainGetSchedulerType(virDomainPtr dom G_GNUC_UNUSED, int *nparams)
{
    if (nparams)
        *nparams = 1;
    return g_strdup("fair");
}

static int
testDomainGetSchedulerParametersFlags(virDomainPtr dom,
                                      virTypedParameterPtr params,
                                      int *nparams, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (virTypedParamAssign(&params[0], VIR_DOMAIN_SCHEDULER_WEIGHT,
                            VIR_TYPED_PARAM_UINT,
                            (unsigned int)TEST_SCHED_WEIGHT) < 0)
        return -1;
    *nparams = 1;
    return 0;
}

static int
testDomainGetSchedulerParameters(virDomainPtr dom,
                                 virTypedParameterPtr params, int *nparams)
{
    return testDomainGetSchedulerParametersFlags(dom, params, nparams, 0);
}

static int
testDomainSetSchedulerParametersFlags(virDomainPtr dom,
                                      virTypedParameterPtr params,
                                      int nparams, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_SCHEDULER_WEIGHT,
                               VIR_TYPED_PARAM_UINT, NULL) < 0)
        return -1;
    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    /* Accepted and forgotten, as upstream's test driver does. */
    return 0;
}

static int
testDomainSetSchedulerParameters(virDomainPtr dom,
                                 virTypedParameterPtr params, int nparams)
{
    return testDomainSetSchedulerParametersFlags(dom, params, nparams, 0);
}

/* ---- Memory parameters (<memtune>) ---- */

/* The <memtune> limits, in the order of the calls' lists. */
enum {
    TEST_MEMTUNE_HARD,
    TEST_MEMTUNE_SOFT,
    TEST_MEMTUNE_SWAP,
    TEST_MEMTUNE_LAST
};

static const char *const testMemtuneParams[TEST_MEMTUNE_LAST] = {
    VIR_DOMAIN_MEMORY_HARD_LIMIT, VIR_DOMAIN_MEMORY_SOFT_LIMIT,
    VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT,
};

static int
testDomainSetMemoryParameters(virDomainPtr dom, virTypedParameterPtr params,
                              int nparams, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *def;
    unsigned long long values[TEST_MEMTUNE_LAST] = { 0 };
    bool given[TEST_MEMTUNE_LAST] = { false };

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_MEMORY_HARD_LIMIT,
                               VIR_TYPED_PARAM_ULLONG,
                               VIR_DOMAIN_MEMORY_SOFT_LIMIT,
                               VIR_TYPED_PARAM_ULLONG,
                               VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT,
                               VIR_TYPED_PARAM_ULLONG, NULL) < 0)
        return -1;
    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    testParamsGather(params, nparams, testMemtuneParams, TEST_MEMTUNE_LAST,
                     values, given);
    if (given[TEST_MEMTUNE_HARD] || given[TEST_MEMTUNE_SWAP]) {
        /* Upstream compares against the live definition's limits. */
        unsigned long long memLimit = given[TEST_MEMTUNE_HARD] ?
                                      values[TEST_MEMTUNE_HARD] :
                                      vm->def->mem->hard_limit;
        unsigned long long swapLimit = given[TEST_MEMTUNE_SWAP] ?
                                       values[TEST_MEMTUNE_SWAP] :
                                       vm->def->mem->swap_hard_limit;

        if (memLimit > swapLimit) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "memory hard_limit tunable value must be lower "
                           "than or equal to swap_hard_limit");
            return -1;
        }
    }
    if (given[TEST_MEMTUNE_SOFT])
        def->mem->soft_limit = values[TEST_MEMTUNE_SOFT];
    if (given[TEST_MEMTUNE_HARD])
        def->mem->hard_limit = values[TEST_MEMTUNE_HARD];
    if (given[TEST_MEMTUNE_SWAP])
        def->mem->swap_hard_limit = values[TEST_MEMTUNE_SWAP];
    return 0;
}

static int
testMemoryParamsRead(const virDomainDef *def, virTypedParameter *values,
                     const void *opaque G_GNUC_UNUSED)
{
    const unsigned long long nums[TEST_MEMTUNE_LAST] = {
        def->mem->hard_limit, def->mem->soft_limit,
        def->mem->swap_hard_limit,
    };

    return testParamsFill(values, testMemtuneParams, nums, TEST_MEMTUNE_LAST,
                          VIR_TYPED_PARAM_ULLONG);
}

static int
testDomainGetMemoryParameters(virDomainPtr dom, virTypedParameterPtr params,
                              int *nparams, unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);
    return testParamsGet(dom, params, nparams, flags, TEST_MEMTUNE_LAST,
                         testMemoryParamsRead, NULL);
}

/* ---- Block I/O parameters (<blkiotune>) ---- */

/* Which number of a device a blkio parameter names. */
typedef enum {
    TEST_BLKIO_WEIGHT,
    TEST_BLKIO_RIOPS,
    TEST_BLKIO_WIOPS,
    TEST_BLKIO_RBPS,
    TEST_BLKIO_WBPS,
    TEST_BLKIO_LAST
} testBlkioField;

static const char *const testBlkioParams[TEST_BLKIO_LAST] = {
    VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS,
    VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS, VIR_DOMAIN_BLKIO_DEVICE_READ_BPS,
    VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS,
};

static unsigned long long
testBlkioGet(const virDomainBlkioDevice *dev, testBlkioField which)
{
    switch (which) {
    case TEST_BLKIO_WEIGHT:
        return dev->weight;
    case TEST_BLKIO_RIOPS:
        return dev->riops;
    case TEST_BLKIO_WIOPS:
        return dev->wiops;
    case TEST_BLKIO_RBPS:
        return dev->rbps;
    case TEST_BLKIO_WBPS:
    case TEST_BLKIO_LAST:
        break;
    }
    return dev->wbps;
}

static void
testBlkioPut(virDomainBlkioDevice *dev, testBlkioField which,
             unsigned long long value)
{
    switch (which) {
    case TEST_BLKIO_WEIGHT:
        dev->weight = value;
        break;
    case TEST_BLKIO_RIOPS:
        dev->riops = value;
        break;
    case TEST_BLKIO_WIOPS:
        dev->wiops = value;
        break;
    case TEST_BLKIO_RBPS:
        dev->rbps = value;
        break;
    case TEST_BLKIO_WBPS:
    case TEST_BLKIO_LAST:
        dev->wbps = value;
        break;
    }
}

/* Reads "path,value[,path,value...]" into paths/values, with upstream's
 * errors; an empty string is an empty list. */
static int
testBlkioParseList(const char *str, const char *param, testBlkioField which,
                   GPtrArray *paths, GArray *values)
{
    g_auto(GStrv) parts = NULL;
    size_t n;
    size_t i;

    if (!*str)
        return 0;
    parts = g_strsplit(str, ",", -1);
    n = g_strv_length(parts);
    if (n % 2 != 0) {
        testDomainConfError(VIR_ERR_INVALID_ARG,
                            "unable to parse blkio device '%s' '%s'", param,
                            str);
        return -1;
    }
    for (i = 0; i < n; i += 2) {
        const char *num = parts[i + 1];
        char *end = NULL;
        unsigned long long value;
        bool narrow = which <= TEST_BLKIO_WIOPS;

        errno = 0;
        value = g_ascii_strtoull(num, &end, 10);
        if (!*num || *end || errno != 0 || num[0] == '-' ||
            (narrow && value > UINT_MAX)) {
            /* Upstream quotes the rest of the string from the value on. */
            const char *rest = str;
            size_t k;

            for (k = 0; k <= i; k++)
                rest += strlen(parts[k]) + 1;
            testDomainConfError(VIR_ERR_INVALID_ARG,
                                "invalid value '%s' for parameter '%s' of "
                                "device '%s'", rest, param, parts[i]);
            return -1;
        }
        if (!*parts[i]) {
            testDomainConfError(VIR_ERR_INVALID_ARG,
                                "unable to parse blkio device '%s' '%s'",
                                param, str);
            return -1;
        }
        g_ptr_array_add(paths, g_strdup(parts[i]));
        g_array_append_val(values, value);
    }
    return 0;
}

/* Applies one device list to mem's devices: a known path takes the
 * value, a new path is added unless its value is 0. */
static void
testBlkioMerge(virDomainMemDef *mem, testBlkioField which, GPtrArray *paths,
               GArray *values)
{
    size_t i;
    size_t j;

    for (i = 0; i < paths->len; i++) {
        unsigned long long value = g_array_index(values, unsigned long long,
                                                 i);

        for (j = 0; j < mem->nblkio_devices; j++) {
            if (STREQ(mem->blkio_devices[j].path, paths->pdata[i]))
                break;
        }
        if (j == mem->nblkio_devices) {
            if (value == 0)
                continue;
            mem->blkio_devices = g_renew(virDomainBlkioDevice,
                                         mem->blkio_devices, j + 1);
            memset(&mem->blkio_devices[j], 0, sizeof(mem->blkio_devices[j]));
            mem->blkio_devices[j].path = g_strdup(paths->pdata[i]);
            mem->nblkio_devices++;
        }
        testBlkioPut(&mem->blkio_devices[j], which, value);
    }
}

static int
testDomainSetBlkioParameters(virDomainPtr dom, virTypedParameterPtr params,
                             int nparams, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDef *def;
    int ret = 0;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_BLKIO_WEIGHT, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BLKIO_DEVICE_WEIGHT,
                               VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS,
                               VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS,
                               VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_READ_BPS,
                               VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS,
                               VIR_TYPED_PARAM_STRING, NULL) < 0)
        return -1;
    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;

    /* As upstream, a bad list fails the call but the others still
     * apply. */
    for (i = 0; i < nparams; i++) {
        g_autoptr(GPtrArray) paths = NULL;
        g_autoptr(GArray) values = NULL;
        int which;

        if (STREQ(params[i].field, VIR_DOMAIN_BLKIO_WEIGHT)) {
            def->mem->blkio_weight = params[i].value.ui;
            continue;
        }
        for (which = 0; which < TEST_BLKIO_LAST; which++) {
            if (STREQ(params[i].field, testBlkioParams[which]))
                break;
        }
        if (which == TEST_BLKIO_LAST)
            continue;
        paths = g_ptr_array_new_with_free_func(g_free);
        values = g_array_new(FALSE, FALSE, sizeof(unsigned long long));
        if (testBlkioParseList(params[i].value.s ? params[i].value.s : "",
                               params[i].field, which, paths, values) < 0) {
            ret = -1;
            continue;
        }
        testBlkioMerge(def->mem, which, paths, values);
    }
    return ret;
}

/* The weight, then each device list as "path,value,..." of the devices
 * with a value. */
static int
testBlkioParamsRead(const virDomainDef *def, virTypedParameter *values,
                    const void *opaque G_GNUC_UNUSED)
{
    int which;

    if (virTypedParamAssign(&values[0], VIR_DOMAIN_BLKIO_WEIGHT,
                            VIR_TYPED_PARAM_UINT,
                            (unsigned int)def->mem->blkio_weight) < 0)
        return -1;
    for (which = 0; which < TEST_BLKIO_LAST; which++) {
        g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
        size_t i;

        for (i = 0; i < def->mem->nblkio_devices; i++) {
            const virDomainBlkioDevice *dev = &def->mem->blkio_devices[i];
            unsigned long long value = testBlkioGet(dev, which);

            if (value)
                virBufferAsprintf(&buf, "%s,%llu,", dev->path, value);
        }
        virBufferTrim(&buf, ",");
        /* an empty list is "" */
        if (virTypedParamAssign(&values[1 + which], testBlkioParams[which],
                                VIR_TYPED_PARAM_STRING,
                                virBufferContentAndReset(&buf)) < 0)
            return -1;
    }
    return 0;
}

static int
testDomainGetBlkioParameters(virDomainPtr dom, virTypedParameterPtr params,
                             int *nparams, unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);
    return testParamsGet(dom, params, nparams, flags, 1 + TEST_BLKIO_LAST,
                         testBlkioParamsRead, NULL);
}

/* ---- NUMA parameters (<numatune>) ---- */

static int
testDomainSetNumaParameters(virDomainPtr dom, virTypedParameterPtr params,
                            int nparams, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virBitmap) nodeset = NULL;
    virDomainNumaDef *numa;
    virDomainDef *def;
    bool live = false;
    int mode = -1;
    int placement;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_NUMA_MODE, VIR_TYPED_PARAM_INT,
                               VIR_DOMAIN_NUMA_NODESET, VIR_TYPED_PARAM_STRING,
                               NULL) < 0)
        return -1;
    if (!(vm = testDomObjWithDef(dom, flags, &def, &live)))
        return -1;
    numa = def->numa;

    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, VIR_DOMAIN_NUMA_MODE)) {
            mode = params[i].value.i;
            if (mode < 0 || mode >= VIR_DOMAIN_NUMATUNE_MEM_LAST) {
                virReportError(VIR_ERR_INVALID_ARG,
                               "unsupported numatune mode: '%d'", mode);
                return -1;
            }
        } else if (STREQ(params[i].field, VIR_DOMAIN_NUMA_NODESET)) {
            virBitmapFree(g_steal_pointer(&nodeset));
            if (virBitmapParse(params[i].value.s, &nodeset,
                               VIR_DOMAIN_CPUMASK_LEN) < 0)
                return -1;
            if (virBitmapIsAllClear(nodeset)) {
                virReportError(VIR_ERR_OPERATION_INVALID,
                               "Invalid nodeset of 'numatune': %s",
                               params[i].value.s);
                return -1;
            }
        }
    }
    if (live && mode != -1 && numa->memSpecified &&
        (int)numa->memMode != mode) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "can't change numatune mode for running domain");
        return -1;
    }
    if (mode == -1 && !nodeset)
        return 0;

    /* Upstream's rules for <numatune><memory>: a first setting defaults
     * to strict; a nodeset makes the placement static; otherwise the
     * placement follows the vCPUs'. */
    placement = numa->memSpecified ? -1 : VIR_DOMAIN_NUMATUNE_PLACEMENT_DEFAULT;
    if (!numa->memSpecified && mode == -1)
        mode = VIR_DOMAIN_NUMATUNE_MEM_STRICT;
    if (mode != -1)
        numa->memMode = mode;
    if (nodeset) {
        virBitmapFree(numa->memNodeset);
        numa->memNodeset = g_steal_pointer(&nodeset);
        if (placement == -1)
            placement = VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC;
    }
    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_DEFAULT) {
        if (numa->memNodeset ||
            def->vcpu->placement_mode == VIR_DOMAIN_CPU_PLACEMENT_MODE_STATIC)
            placement = VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC;
        else
            placement = VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO;
    }
    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC &&
        !numa->memNodeset) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                            "nodeset for NUMA memory tuning must be set if "
                            "'placement' is 'static'");
        return -1;
    }
    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO)
        g_clear_pointer(&numa->memNodeset, virBitmapFree);
    if (placement != -1)
        numa->memPlacement = placement;
    numa->memSpecified = true;
    return 0;
}

/* The <numatune><memory> mode (strict when unset) and nodeset (empty
 * when unset or automatic). */
static int
testNumaParamsRead(const virDomainDef *def, virTypedParameter *values,
                   const void *opaque G_GNUC_UNUSED)
{
    const virDomainNumaDef *numa = def->numa;
    int mode = VIR_DOMAIN_NUMATUNE_MEM_STRICT;
    char *nodeset;

    if (numa->memSpecified)
        mode = numa->memMode;
    if (numa->memSpecified && numa->memNodeset &&
        numa->memPlacement != VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO)
        nodeset = virBitmapFormat(numa->memNodeset);
    else
        nodeset = g_strdup("");
    if (virTypedParamAssign(&values[0], VIR_DOMAIN_NUMA_MODE,
                            VIR_TYPED_PARAM_INT, mode) < 0) {
        g_free(nodeset);
        return -1;
    }
    return virTypedParamAssign(&values[1], VIR_DOMAIN_NUMA_NODESET,
                               VIR_TYPED_PARAM_STRING, nodeset);
}

static int
testDomainGetNumaParameters(virDomainPtr dom, virTypedParameterPtr params,
                            int *nparams, unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);
    return testParamsGet(dom, params, nparams, flags, 2,
                         testNumaParamsRead, NULL);
}

/* ---- Interface parameters (<bandwidth>) ---- */

/* The rates, in the order of the calls' lists. */
enum {
    TEST_BANDWIDTH_IN_AVERAGE,
    TEST_BANDWIDTH_IN_PEAK,
    TEST_BANDWIDTH_IN_BURST,
    TEST_BANDWIDTH_IN_FLOOR,
    TEST_BANDWIDTH_OUT_AVERAGE,
    TEST_BANDWIDTH_OUT_PEAK,
    TEST_BANDWIDTH_OUT_BURST,
    TEST_BANDWIDTH_LAST
};

static const char *const testBandwidthParams[TEST_BANDWIDTH_LAST] = {
    VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, VIR_DOMAIN_BANDWIDTH_IN_PEAK,
    VIR_DOMAIN_BANDWIDTH_IN_BURST, VIR_DOMAIN_BANDWIDTH_IN_FLOOR,
    VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, VIR_DOMAIN_BANDWIDTH_OUT_PEAK,
    VIR_DOMAIN_BANDWIDTH_OUT_BURST,
};

static int
testDomainSetInterfaceParameters(virDomainPtr dom, const char *device,
                                 virTypedParameterPtr params, int nparams,
                                 unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree virNetDevBandwidthRate *in = NULL;
    g_autofree virNetDevBandwidthRate *out = NULL;
    unsigned long long values[TEST_BANDWIDTH_LAST] = { 0 };
    bool given[TEST_BANDWIDTH_LAST] = { false };
    bool inGiven;
    bool outGiven;
    virDomainNetDef *net;
    virDomainDef *def;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_BANDWIDTH_IN_AVERAGE,
                               VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_PEAK,
                               VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_BURST,
                               VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_FLOOR,
                               VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE,
                               VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_PEAK,
                               VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_BURST,
                               VIR_TYPED_PARAM_UINT, NULL) < 0)
        return -1;
    if (!(vm = testDomObjWithDef(dom, flags, &def, NULL)))
        return -1;
    if (!(net = virDomainNetFind(def, device)))
        return -1;

    testParamsGather(params, nparams, testBandwidthParams,
                     TEST_BANDWIDTH_LAST, values, given);
    in = g_new0(virNetDevBandwidthRate, 1);
    in->average = values[TEST_BANDWIDTH_IN_AVERAGE];
    in->peak = values[TEST_BANDWIDTH_IN_PEAK];
    in->burst = values[TEST_BANDWIDTH_IN_BURST];
    in->floor = values[TEST_BANDWIDTH_IN_FLOOR];
    inGiven = given[TEST_BANDWIDTH_IN_AVERAGE] ||
              given[TEST_BANDWIDTH_IN_FLOOR];
    out = g_new0(virNetDevBandwidthRate, 1);
    out->average = values[TEST_BANDWIDTH_OUT_AVERAGE];
    out->peak = values[TEST_BANDWIDTH_OUT_PEAK];
    out->burst = values[TEST_BANDWIDTH_OUT_BURST];
    outGiven = given[TEST_BANDWIDTH_OUT_AVERAGE];
    /* A direction without an average (or inbound floor) is none; given
     * as zero it clears that direction. */
    if (!in->average && !in->floor)
        g_clear_pointer(&in, g_free);
    if (!out->average)
        g_clear_pointer(&out, g_free);

    if (!net->bandwidth) {
        if (!in && !out)
            return 0;
        net->bandwidth = g_new0(virNetDevBandwidth, 1);
        net->bandwidth->in = g_steal_pointer(&in);
        net->bandwidth->out = g_steal_pointer(&out);
        return 0;
    }
    if (in || inGiven) {
        g_free(net->bandwidth->in);
        net->bandwidth->in = g_steal_pointer(&in);
    }
    if (out || outGiven) {
        g_free(net->bandwidth->out);
        net->bandwidth->out = g_steal_pointer(&out);
    }
    return 0;
}

/* The bandwidth of the interface opaque names, zero where unset. */
static int
testInterfaceParamsRead(const virDomainDef *def, virTypedParameter *values,
                        const void *opaque)
{
    virNetDevBandwidthRate in = {0};
    virNetDevBandwidthRate out = {0};
    unsigned long long nums[TEST_BANDWIDTH_LAST];
    virDomainNetDef *net;

    if (!(net = virDomainNetFind(def, opaque)))
        return -1;
    if (net->bandwidth && net->bandwidth->in)
        in = *net->bandwidth->in;
    if (net->bandwidth && net->bandwidth->out)
        out = *net->bandwidth->out;
    nums[TEST_BANDWIDTH_IN_AVERAGE] = in.average;
    nums[TEST_BANDWIDTH_IN_PEAK] = in.peak;
    nums[TEST_BANDWIDTH_IN_BURST] = in.burst;
    nums[TEST_BANDWIDTH_IN_FLOOR] = in.floor;
    nums[TEST_BANDWIDTH_OUT_AVERAGE] = out.average;
    nums[TEST_BANDWIDTH_OUT_PEAK] = out.peak;
    nums[TEST_BANDWIDTH_OUT_BURST] = out.burst;
    return testParamsFill(values, testBandwidthParams, nums,
                          TEST_BANDWIDTH_LAST, VIR_TYPED_PARAM_UINT);
}

static int
testDomainGetInterfaceParameters(virDomainPtr dom, const char *device,
                                 virTypedParameterPtr params, int *nparams,
                                 unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);
    return testParamsGet(dom, params, nparams, flags, TEST_BANDWIDTH_LAST,
                         testInterfaceParamsRead, device);
}

void
testDomainTuneSlots(virHypervisorDriver *hv)
{
    hv->domainSetMemory = testDomainSetMemory;
    hv->domainSetMaxMemory = testDomainSetMaxMemory;
    hv->domainSetMemoryFlags = testDomainSetMemoryFlags;
    hv->domainSetMemoryStatsPeriod = testDomainSetMemoryStatsPeriod;
    hv->domainGetVcpusFlags = testDomainGetVcpusFlags;
    hv->domainGetMaxVcpus = testDomainGetMaxVcpus;
    hv->domainSetVcpus = testDomainSetVcpus;
    hv->domainSetVcpusFlags = testDomainSetVcpusFlags;
    hv->domainGetVcpus = testDomainGetVcpus;
    hv->domainPinVcpu = testDomainPinVcpu;
    hv->domainPinVcpuFlags = testDomainPinVcpuFlags;
    hv->domainGetVcpuPinInfo = testDomainGetVcpuPinInfo;
    hv->domainPinEmulator = testDomainPinEmulator;
    hv->domainGetEmulatorPinInfo = testDomainGetEmulatorPinInfo;
    hv->domainGetSchedulerType = testDomainGetSchedulerType;
    hv->domainGetSchedulerParameters = testDomainGetSchedulerParameters;
    hv->domainGetSchedulerParametersFlags =
        testDomainGetSchedulerParametersFlags;
    hv->domainSetSchedulerParameters = testDomainSetSchedulerParameters;
    hv->domainSetSchedulerParametersFlags =
        testDomainSetSchedulerParametersFlags;
    hv->domainSetMemoryParameters = testDomainSetMemoryParameters;
    hv->domainGetMemoryParameters = testDomainGetMemoryParameters;
    hv->domainSetBlkioParameters = testDomainSetBlkioParameters;
    hv->domainGetBlkioParameters = testDomainGetBlkioParameters;
    hv->domainSetNumaParameters = testDomainSetNumaParameters;
    hv->domainGetNumaParameters = testDomainGetNumaParameters;
    hv->domainSetInterfaceParameters = testDomainSetInterfaceParameters;
    hv->domainGetInterfaceParameters = testDomainGetInterfaceParameters;
}
