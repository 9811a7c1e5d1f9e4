/*
 * test_domain_stats.c: domain statistics: block, interface, memory and CPU
 * counters, block sizes and I/O limits, and the bulk statistics calls
 * (virConnectGetAllDomainStats, virDomainListGetStats).
 *
 * Upstream's test driver derives its block and interface counters from
 * the wall clock; ours come from one fixed instant (the test guest clock's
 * start), with the same proportions between them, so that test suites
 * get repeatable numbers.  The bulk calls fill the groups upstream's test
 * driver fills (state and I/O threads) and the groups the calls above
 * answer (CPU total, balloon, vCPUs, interfaces, block devices), with the
 * same numbers.
 */
#include "test_driver.h"
#include "conf/domain_disk.h"
#include "conf/domain_memballoon.h"
#include "conf/domain_memory.h"
#include "conf/domain_net.h"
#include "conf/domain_vcpu.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_stats");

/* The "current time" in microseconds the counters derive from. */
#define TEST_STATS_BASE 627319920000000ULL

/* The domain's CPU time in nanoseconds, shared out evenly over the host's
 * CPUs by the per-CPU statistics. */
#define TEST_TOTAL_CPUTIME 48772617035ULL

/* The largest block I/O limit accepted (upstream's). */
#define TEST_BLOCK_IOTUNE_MAX 1000000000000000ULL

/* Every disk's sizes, upstream's. */
#define TEST_BLOCK_CAPACITY 1099506450432ULL
#define TEST_BLOCK_ALLOCATION 1099511627776ULL
#define TEST_BLOCK_PHYSICAL 1099511627776ULL
/* The number of block I/O tunables GetBlockIoTune reports. */
#define TEST_BLOCK_IOTUNE_NPARAMS 20

/* Every disk's counters, and every interface's. */
static void
testBlockCounters(virDomainBlockStatsPtr stats)
{
    stats->rd_req = TEST_STATS_BASE / 10;
    stats->rd_bytes = TEST_STATS_BASE / 20;
    stats->wr_req = TEST_STATS_BASE / 30;
    stats->wr_bytes = TEST_STATS_BASE / 40;
    stats->errs = TEST_STATS_BASE / (1000ULL * 1000ULL * 2);
}

static void
testNetCounters(virDomainInterfaceStatsPtr stats)
{
    stats->rx_bytes = TEST_STATS_BASE / 10;
    stats->rx_packets = TEST_STATS_BASE / 100;
    stats->rx_errs = TEST_STATS_BASE / (1000ULL * 1000ULL * 1);
    stats->rx_drop = TEST_STATS_BASE / (1000ULL * 1000ULL * 2);
    stats->tx_bytes = TEST_STATS_BASE / 20;
    stats->tx_packets = TEST_STATS_BASE / 110;
    stats->tx_errs = TEST_STATS_BASE / (1000ULL * 1000ULL * 3);
    stats->tx_drop = TEST_STATS_BASE / (1000ULL * 1000ULL * 4);
}

static int
testDomainBlockStats(virDomainPtr dom, const char *path,
                     virDomainBlockStatsPtr stats,
                     size_t size G_GNUC_UNUSED)
{
    g_autoptr(virDomainObj) vm = NULL;

    if (!*path) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "summary statistics are not supported yet");
        return -1;
    }
    if (!(vm = testDomObjActive(dom)))
        return -1;
    if (virDomainDiskIndexByName(vm->def, path, false) < 0) {
        virReportError(VIR_ERR_INVALID_ARG, "invalid path: %s", path);
        return -1;
    }
    testBlockCounters(stats);
    return 0;
}

static int
testDomainInterfaceStats(virDomainPtr dom, const char *device,
                         virDomainInterfaceStatsPtr stats,
                         size_t size G_GNUC_UNUSED)
{
    g_autoptr(virDomainObj) vm = NULL;

    if (!(vm = testDomObjActive(dom)))
        return -1;
    if (!virDomainNetFind(vm->def, device))
        return -1;
    testNetCounters(stats);
    return 0;
}

virDomainMemballoonDef *
testDomainMemballoon(const virDomainDef *def)
{
    virDomainDevices *devs = def->devices;

    if (devs->nmemballoons == 0 ||
        devs->memballoons[0]->model == VIR_DOMAIN_MEMBALLOON_MODEL_NONE)
        return NULL;
    return devs->memballoons[0];
}

/* What the balloon of a running vm reports, as many as asked. */
static unsigned int
testMemoryStatsFill(virDomainObj *vm, virDomainMemoryStatPtr stats,
                    unsigned int nr_stats)
{
    /* Upstream keeps the balloon size in an int: sizes past 2 TiB wrap
     * as they do there. */
    int cur;
    struct {
        int tag;
        long long val;
    } all[] = {
        { VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON, 0 },
        { VIR_DOMAIN_MEMORY_STAT_SWAP_IN, 0 },
        { VIR_DOMAIN_MEMORY_STAT_SWAP_OUT, 0 },
        { VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT, 0 },
        { VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT, 0 },
        { VIR_DOMAIN_MEMORY_STAT_UNUSED, 0 },
        { VIR_DOMAIN_MEMORY_STAT_AVAILABLE, 0 },
        { VIR_DOMAIN_MEMORY_STAT_USABLE, 0 },
        { VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE, 627319920 },
        { VIR_DOMAIN_MEMORY_STAT_DISK_CACHES, 0 },
        { VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC, 0 },
        { VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL, 0 },
        { VIR_DOMAIN_MEMORY_STAT_RSS, 0 },
    };
    unsigned int n;

    /* Without a balloon the guest reports nothing. */
    if (!testDomainMemballoon(vm->def))
        return 0;

    cur = (int)vm->def->mem->cur_balloon;
    all[0].val = cur;
    all[5].val = cur / 2;
    all[6].val = cur;
    all[7].val = cur / 2;
    all[9].val = cur / 8;
    all[12].val = cur / 2;
    for (n = 0; n < nr_stats && n < G_N_ELEMENTS(all); n++) {
        stats[n].tag = all[n].tag;
        stats[n].val = all[n].val;
    }
    return n;
}

static int
testDomainMemoryStats(virDomainPtr dom, virDomainMemoryStatPtr stats,
                      unsigned int nr_stats, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjActive(dom)))
        return -1;
    return testMemoryStatsFill(vm, stats, nr_stats);
}

/* The domain total: CPU, user and system time, as many as asked. */
static int
testDomainTotalCpuStats(virTypedParameterPtr params, unsigned int nparams)
{
    static const struct {
        const char *name;
        unsigned long long value;
    } all[] = {
        { VIR_DOMAIN_CPU_STATS_CPUTIME, TEST_TOTAL_CPUTIME },
        { VIR_DOMAIN_CPU_STATS_USERTIME, 5540000000ULL },
        { VIR_DOMAIN_CPU_STATS_SYSTEMTIME, 6460000000ULL },
    };
    unsigned int i;

    if (nparams == 0)
        return G_N_ELEMENTS(all);
    for (i = 0; i < nparams && i < G_N_ELEMENTS(all); i++) {
        if (virTypedParamAssign(&params[i], all[i].name,
                                VIR_TYPED_PARAM_ULLONG, all[i].value) < 0)
            return -1;
    }
    return i;
}

/* Per host CPU: its share of the CPU time and a vCPU time, laid out
 * nparams to a CPU. */
static int
testDomainPercpuStats(virTypedParameterPtr params, unsigned int nparams,
                      int start_cpu, unsigned int ncpus, int total_cpus)
{
    unsigned long long share = TEST_TOTAL_CPUTIME / total_cpus;
    int last;
    int i;

    if (ncpus == 0)
        return total_cpus;
    if (nparams == 0)
        return 2;
    if (start_cpu >= total_cpus) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "start_cpu %d larger than maximum of %d",
                       start_cpu, total_cpus - 1);
        return -1;
    }

    last = MIN((long long)total_cpus, (long long)start_cpu + ncpus);
    for (i = start_cpu; i < last; i++) {
        virTypedParameterPtr cpu = &params[(i - start_cpu) * nparams];

        if (virTypedParamAssign(&cpu[0], VIR_DOMAIN_CPU_STATS_CPUTIME,
                                VIR_TYPED_PARAM_ULLONG, share + i) < 0)
            return -1;
        if (nparams > 1 &&
            virTypedParamAssign(&cpu[1], VIR_DOMAIN_CPU_STATS_VCPUTIME,
                                VIR_TYPED_PARAM_ULLONG,
                                share + i - 1234567890) < 0)
            return -1;
    }
    return MIN(nparams, 2);
}

static int
testDomainGetCPUStats(virDomainPtr dom, virTypedParameterPtr params,
                      unsigned int nparams, int start_cpu,
                      unsigned int ncpus, unsigned int flags)
{
    testDriver *driver = dom->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(VIR_TYPED_PARAM_STRING_OKAY, -1);

    if (!(vm = testDomObjActive(dom)))
        return -1;
    if (start_cpu == -1)
        return testDomainTotalCpuStats(params, nparams);
    return testDomainPercpuStats(params, nparams, start_cpu, ncpus,
                                 driver->nodeInfo.cores);
}

static int
testDomainGetBlockInfo(virDomainPtr dom, const char *path,
                       virDomainBlockInfoPtr info, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDiskDef *disk;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    if (!(disk = virDomainDiskByName(vm->def, path, false))) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "invalid path %s not assigned to domain", path);
        return -1;
    }
    if (virStorageSourceIsEmpty(disk->src)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "disk '%s' does not currently have a source assigned",
                       path);
        return -1;
    }

    info->capacity = TEST_BLOCK_CAPACITY;
    info->allocation = TEST_BLOCK_ALLOCATION;
    info->physical = TEST_BLOCK_PHYSICAL;
    return 0;
}

/* ---- Block I/O limits ---- */

/* The tunables in the order GetBlockIoTune lists them; the group name
 * (a string) sits at position 13. */
#define TEST_IOTUNE_FIELDS(X) \
    X(TOTAL_BYTES_SEC, total_bytes_sec) \
    X(READ_BYTES_SEC, read_bytes_sec) \
    X(WRITE_BYTES_SEC, write_bytes_sec) \
    X(TOTAL_IOPS_SEC, total_iops_sec) \
    X(READ_IOPS_SEC, read_iops_sec) \
    X(WRITE_IOPS_SEC, write_iops_sec) \
    X(TOTAL_BYTES_SEC_MAX, total_bytes_sec_max) \
    X(READ_BYTES_SEC_MAX, read_bytes_sec_max) \
    X(WRITE_BYTES_SEC_MAX, write_bytes_sec_max) \
    X(TOTAL_IOPS_SEC_MAX, total_iops_sec_max) \
    X(READ_IOPS_SEC_MAX, read_iops_sec_max) \
    X(WRITE_IOPS_SEC_MAX, write_iops_sec_max) \
    X(SIZE_IOPS_SEC, size_iops_sec) \
    X(TOTAL_BYTES_SEC_MAX_LENGTH, total_bytes_sec_max_length) \
    X(READ_BYTES_SEC_MAX_LENGTH, read_bytes_sec_max_length) \
    X(WRITE_BYTES_SEC_MAX_LENGTH, write_bytes_sec_max_length) \
    X(TOTAL_IOPS_SEC_MAX_LENGTH, total_iops_sec_max_length) \
    X(READ_IOPS_SEC_MAX_LENGTH, read_iops_sec_max_length) \
    X(WRITE_IOPS_SEC_MAX_LENGTH, write_iops_sec_max_length)

typedef struct {
    const char *name;
    size_t offset;
} testIoTuneField;

#define TEST_IOTUNE_ENTRY(NAME, field) \
    { VIR_DOMAIN_BLOCK_IOTUNE_##NAME, \
      offsetof(virDomainBlockIoTuneInfo, field) },

static const testIoTuneField testIoTuneFields[] = {
    TEST_IOTUNE_FIELDS(TEST_IOTUNE_ENTRY)
};

static unsigned long long *
testIoTuneValue(virDomainBlockIoTuneInfo *info, const testIoTuneField *f)
{
    return (unsigned long long *)((char *)info + f->offset);
}

/* Refuses a total limit set with a read or write one, and a limit above
 * its burst maximum, as upstream does. */
static int
testIoTuneCheck(const virDomainBlockIoTuneInfo *info)
{
#define EXCLUSIVE(total, read, write, what) \
    if (info->total && (info->read || info->write)) { \
        virReportError(VIR_ERR_INVALID_ARG, "%s", \
                       "total and read/write of " what \
                       " cannot be set at the same time"); \
        return -1; \
    }
    EXCLUSIVE(total_bytes_sec, read_bytes_sec, write_bytes_sec, "bytes_sec");
    EXCLUSIVE(total_iops_sec, read_iops_sec, write_iops_sec, "iops_sec");
    EXCLUSIVE(total_bytes_sec_max, read_bytes_sec_max, write_bytes_sec_max,
              "bytes_sec_max");
    EXCLUSIVE(total_iops_sec_max, read_iops_sec_max, write_iops_sec_max,
              "iops_sec_max");
#undef EXCLUSIVE

#define NOT_ABOVE(field) \
    if (info->field > info->field##_max) { \
        virReportError(VIR_ERR_INVALID_ARG, "%s cannot be set higher than %s ", \
                       #field, #field "_max"); \
        return -1; \
    }
    NOT_ABOVE(total_bytes_sec);
    NOT_ABOVE(read_bytes_sec);
    NOT_ABOVE(write_bytes_sec);
    NOT_ABOVE(total_iops_sec);
    NOT_ABOVE(read_iops_sec);
    NOT_ABOVE(write_iops_sec);
#undef NOT_ABOVE
    return 0;
}

/* The TUNABLE event of a live change: the disk as named, then each
 * value set, under blkdeviotune.<name>, as the QEMU driver sends it. */
static void
testBlockIoTuneEvent(testDriver *driver, virDomainObj *vm, const char *path,
                     virTypedParameterPtr params, int nparams)
{
    virTypedParameterPtr ev = NULL;
    int nev = 0;
    int maxev = 0;
    int i;

    if (virTypedParamsAddString(&ev, &nev, &maxev,
                                VIR_DOMAIN_TUNABLE_BLKDEV_DISK, path) < 0)
        goto error;
    for (i = 0; i < nparams; i++) {
        g_autofree char *name = g_strdup_printf("blkdeviotune.%s",
                                                params[i].field);
        int rc;

        if (params[i].type == VIR_TYPED_PARAM_STRING)
            rc = virTypedParamsAddString(&ev, &nev, &maxev, name,
                                         params[i].value.s);
        else
            rc = virTypedParamsAddULLong(&ev, &nev, &maxev, name,
                                         params[i].value.ul);
        if (rc < 0)
            goto error;
    }
    testDomainQueueTunable(driver, vm, ev, nev);
    return;

 error:
    virTypedParamsFree(ev, nev);
}

static int
testDomainSetBlockIoTune(virDomainPtr dom, const char *path,
                         virTypedParameterPtr params, int nparams,
                         unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainBlockIoTuneInfo info;
    g_autofree char *group = NULL;
    virDomainDiskDef *disk;
    virDomainDef *def;
    bool live;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

#define VALIDATE_ENTRY(NAME, field) \
    VIR_DOMAIN_BLOCK_IOTUNE_##NAME, VIR_TYPED_PARAM_ULLONG,
    if (virTypedParamsValidate(params, nparams,
                               TEST_IOTUNE_FIELDS(VALIDATE_ENTRY)
                               VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME,
                               VIR_TYPED_PARAM_STRING,
                               NULL) < 0)
        return -1;
#undef VALIDATE_ENTRY

    if (!(vm = testDomObjWithDef(dom, flags, &def, &live)))
        return -1;
    if (!(disk = virDomainDiskByName(def, path, true))) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "missing persistent configuration for disk '%s'",
                       path);
        return -1;
    }

    info = disk->blkdeviotune;
    group = g_strdup(info.group_name);
    for (i = 0; i < nparams; i++) {
        virTypedParameterPtr param = &params[i];
        size_t f;

        /* Upstream reads every value as an unsigned long long, the
         * group name's pointer included. */
        if (param->value.ul > TEST_BLOCK_IOTUNE_MAX) {
            virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                           "block I/O throttle limit value must be no more "
                           "than %llu", TEST_BLOCK_IOTUNE_MAX);
            return -1;
        }
        if (STREQ(param->field, VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME)) {
            g_free(group);
            group = g_strdup(param->value.s);
            continue;
        }
        for (f = 0; f < G_N_ELEMENTS(testIoTuneFields); f++) {
            if (STREQ(param->field, testIoTuneFields[f].name))
                *testIoTuneValue(&info, &testIoTuneFields[f]) =
                    param->value.ul;
        }
    }
    if (testIoTuneCheck(&info) < 0)
        return -1;

    info.group_name = g_steal_pointer(&group);
    g_free(disk->blkdeviotune.group_name);
    disk->blkdeviotune = info;
    if (live)
        testBlockIoTuneEvent(dom->conn->privateData, vm, path, params,
                             nparams);
    return 0;
}

/* The limits of the disk opaque names, the group name at position 13. */
static int
testBlockIoTuneRead(const virDomainDef *def, virTypedParameter *values,
                    const void *opaque)
{
    const char *path = opaque;
    virDomainDiskDef *disk;
    int n = 0;
    size_t f;

    if (!(disk = virDomainDiskByName(def, path, true))) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "disk '%s' was not found in the domain config", path);
        return -1;
    }
    for (f = 0; f < G_N_ELEMENTS(testIoTuneFields); f++) {
        if (n == 13 &&
            virTypedParamAssign(&values[n++],
                                VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME,
                                VIR_TYPED_PARAM_STRING,
                                g_strdup(disk->blkdeviotune.group_name)) < 0)
            return -1;
        if (virTypedParamAssign(&values[n++], testIoTuneFields[f].name,
                                VIR_TYPED_PARAM_ULLONG,
                                *testIoTuneValue(&disk->blkdeviotune,
                                                 &testIoTuneFields[f])) < 0)
            return -1;
    }
    return 0;
}

static int
testDomainGetBlockIoTune(virDomainPtr dom, const char *path,
                         virTypedParameterPtr params, int *nparams,
                         unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);
    flags &= ~VIR_TYPED_PARAM_STRING_OKAY;

    return testParamsGet(dom, params, nparams, flags,
                         TEST_BLOCK_IOTUNE_NPARAMS, testBlockIoTuneRead, path);
}

/* ---- Bulk statistics ---- */

/* Upstream's test driver fills state and iothread only; Vireo's also the
 * groups its other statistics calls answer, with the same numbers. */
#define TEST_STATS_SUPPORTED \
    (VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL | \
     VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU | \
     VIR_DOMAIN_STATS_INTERFACE | VIR_DOMAIN_STATS_BLOCK | \
     VIR_DOMAIN_STATS_IOTHREAD)

static void
testStatsCpuTotal(virTypedParamList *l, virDomainObj *vm)
{
    static const char *const names[] = { "time", "user", "system" };
    virTypedParameter total[G_N_ELEMENTS(names)] = { 0 };
    size_t i;

    if (!virDomainObjIsActive(vm))
        return;
    if (testDomainTotalCpuStats(total, G_N_ELEMENTS(total)) < 0) {
        l->failed = true;
        return;
    }
    /* The same numbers as virDomainGetCPUStats' total, in its order. */
    for (i = 0; i < G_N_ELEMENTS(names); i++)
        virTypedParamListAddULLong(l, total[i].value.ul, "cpu.%s", names[i]);
}

static void
testStatsBalloon(virTypedParamList *l, virDomainObj *vm)
{
    static const char *const names[] = {
        [VIR_DOMAIN_MEMORY_STAT_SWAP_IN] = "swap_in",
        [VIR_DOMAIN_MEMORY_STAT_SWAP_OUT] = "swap_out",
        [VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT] = "major_fault",
        [VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT] = "minor_fault",
        [VIR_DOMAIN_MEMORY_STAT_UNUSED] = "unused",
        [VIR_DOMAIN_MEMORY_STAT_AVAILABLE] = "available",
        [VIR_DOMAIN_MEMORY_STAT_RSS] = "rss",
        [VIR_DOMAIN_MEMORY_STAT_USABLE] = "usable",
        [VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE] = "last-update",
        [VIR_DOMAIN_MEMORY_STAT_DISK_CACHES] = "disk_caches",
        [VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC] = "hugetlb_pgalloc",
        [VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL] = "hugetlb_pgfail",
    };
    virDomainMemoryStatStruct mem[VIR_DOMAIN_MEMORY_STAT_NR];
    unsigned int n = 0;
    unsigned int i;

    virTypedParamListAddULLong(l, vm->def->mem->cur_balloon, "balloon.current");
    virTypedParamListAddULLong(l, vm->def->mem->total_memory,
                    "balloon.maximum");
    if (virDomainObjIsActive(vm))
        n = testMemoryStatsFill(vm, mem, G_N_ELEMENTS(mem));
    for (i = 0; i < n; i++) {
        if (mem[i].tag < (int)G_N_ELEMENTS(names) && names[mem[i].tag])
            virTypedParamListAddULLong(l, mem[i].val, "balloon.%s", names[mem[i].tag]);
    }
}

static void
testStatsVcpu(virTypedParamList *l, virDomainObj *vm)
{
    size_t online = virDomainDefGetVcpus(vm->def);
    size_t max = virDomainDefGetVcpusMax(vm->def);
    size_t i;

    virTypedParamListAddUInt(l, online, "vcpu.current");
    virTypedParamListAddUInt(l, max, "vcpu.maximum");
    if (!virDomainObjIsActive(vm))
        return;
    for (i = 0; i < max; i++) {
        virDomainVcpuDef *vcpu = virDomainDefGetVcpu(vm->def, i);

        if (!vcpu->online)
            continue;
        virTypedParamListAddInt(l, VIR_VCPU_RUNNING, "vcpu.%zu.state", i);
        /* The domain's CPU time, shared out evenly. */
        virTypedParamListAddULLong(l, TEST_TOTAL_CPUTIME / online, "vcpu.%zu.time", i);
        virTypedParamListAddULLong(l, 0, "vcpu.%zu.wait", i);
    }
}

static void
testStatsInterface(virTypedParamList *l, virDomainObj *vm)
{
    virDomainDevices *devs = vm->def->devices;
    virDomainInterfaceStatsStruct counters;
    size_t i;

    if (!virDomainObjIsActive(vm))
        return;
    testNetCounters(&counters);
    virTypedParamListAddUInt(l, devs->nnets, "net.count");
    for (i = 0; i < devs->nnets; i++) {
        virTypedParamListAddString(l, devs->nets[i]->ifname, "net.%zu.name", i);
        virTypedParamListAddULLong(l, counters.rx_bytes, "net.%zu.rx.bytes", i);
        virTypedParamListAddULLong(l, counters.rx_packets, "net.%zu.rx.pkts", i);
        virTypedParamListAddULLong(l, counters.rx_errs, "net.%zu.rx.errs", i);
        virTypedParamListAddULLong(l, counters.rx_drop, "net.%zu.rx.drop", i);
        virTypedParamListAddULLong(l, counters.tx_bytes, "net.%zu.tx.bytes", i);
        virTypedParamListAddULLong(l, counters.tx_packets, "net.%zu.tx.pkts", i);
        virTypedParamListAddULLong(l, counters.tx_errs, "net.%zu.tx.errs", i);
        virTypedParamListAddULLong(l, counters.tx_drop, "net.%zu.tx.drop", i);
    }
}

static void
testStatsBlock(virTypedParamList *l, virDomainObj *vm)
{
    virDomainDevices *devs = vm->def->devices;
    virDomainBlockStatsStruct counters;
    size_t i;

    if (!virDomainObjIsActive(vm))
        return;
    testBlockCounters(&counters);
    virTypedParamListAddUInt(l, devs->ndisks, "block.count");
    for (i = 0; i < devs->ndisks; i++) {
        virDomainDiskDef *disk = devs->disks[i];

        virTypedParamListAddString(l, disk->dst, "block.%zu.name", i);
        virTypedParamListAddString(l, disk->src->path, "block.%zu.path", i);
        if (virStorageSourceIsEmpty(disk->src))
            continue;
        virTypedParamListAddULLong(l, counters.rd_req, "block.%zu.rd.reqs", i);
        virTypedParamListAddULLong(l, counters.rd_bytes, "block.%zu.rd.bytes", i);
        virTypedParamListAddULLong(l, counters.wr_req, "block.%zu.wr.reqs", i);
        virTypedParamListAddULLong(l, counters.wr_bytes, "block.%zu.wr.bytes", i);
        virTypedParamListAddULLong(l, counters.errs, "block.%zu.errors", i);
        virTypedParamListAddULLong(l, TEST_BLOCK_ALLOCATION, "block.%zu.allocation", i);
        virTypedParamListAddULLong(l, TEST_BLOCK_CAPACITY, "block.%zu.capacity", i);
        virTypedParamListAddULLong(l, TEST_BLOCK_PHYSICAL, "block.%zu.physical", i);
    }
}

static void
testDomainStatsState(virTypedParamList *l, virDomainObj *vm)
{
    virTypedParamListAddInt(l, vm->state, "state.state");
    virTypedParamListAddInt(l, vm->reason, "state.reason");
}

/* The I/O threads' polling parameters of a running domain that has
 * any. */
static void
testDomainStatsIOThread(virTypedParamList *l, virDomainObj *vm)
{
    testDomainObjPrivate *priv = testDomainObjPrivateGet(vm);
    guint i;

    if (!virDomainObjIsActive(vm) || priv->iothreads->len == 0)
        return;
    virTypedParamListAddUInt(l, priv->iothreads->len, "iothread.count");
    for (i = 0; i < priv->iothreads->len; i++) {
        testIOThreadInfo *t = &g_array_index(priv->iothreads,
                                             testIOThreadInfo, i);

        virTypedParamListAddULLong(l, t->poll_max_ns,
                                   "iothread.%u.poll-max-ns", t->iothread_id);
        virTypedParamListAddUInt(l, t->poll_grow, "iothread.%u.poll-grow",
                                 t->iothread_id);
        virTypedParamListAddUInt(l, t->poll_shrink, "iothread.%u.poll-shrink",
                                 t->iothread_id);
    }
}

/* Each group the stats ask for, in upstream's order. */
static const struct {
    unsigned int group;
    void (*fill)(virTypedParamList *l, virDomainObj *vm);
} testStatsGroups[] = {
    { VIR_DOMAIN_STATS_STATE, testDomainStatsState },
    { VIR_DOMAIN_STATS_CPU_TOTAL, testStatsCpuTotal },
    { VIR_DOMAIN_STATS_BALLOON, testStatsBalloon },
    { VIR_DOMAIN_STATS_VCPU, testStatsVcpu },
    { VIR_DOMAIN_STATS_INTERFACE, testStatsInterface },
    { VIR_DOMAIN_STATS_BLOCK, testStatsBlock },
    { VIR_DOMAIN_STATS_IOTHREAD, testDomainStatsIOThread },
};

static virDomainStatsRecordPtr
testDomainStatsRecord(virConnectPtr conn, virDomainObj *vm,
                      unsigned int stats)
{
    g_autofree virDomainStatsRecordPtr rec = g_new0(virDomainStatsRecord, 1);
    virTypedParamList l = { 0 };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(testStatsGroups); i++) {
        if (stats & testStatsGroups[i].group)
            testStatsGroups[i].fill(&l, vm);
    }
    if (virTypedParamListSteal(&l, &rec->params, &rec->nparams) < 0)
        return NULL;
    rec->dom = testDomainPtr(conn, vm);
    return g_steal_pointer(&rec);
}

static void
testObjUnref(void *obj)
{
    virObjectUnref(obj);
}

/* The virConnectListAllDomains filters the bulk calls accept. */
#define TEST_STATS_LIST_FILTERS \
    (VIR_CONNECT_LIST_DOMAINS_ACTIVE | VIR_CONNECT_LIST_DOMAINS_INACTIVE | \
     VIR_CONNECT_LIST_DOMAINS_PERSISTENT | \
     VIR_CONNECT_LIST_DOMAINS_TRANSIENT | VIR_CONNECT_LIST_DOMAINS_RUNNING | \
     VIR_CONNECT_LIST_DOMAINS_PAUSED | VIR_CONNECT_LIST_DOMAINS_SHUTOFF | \
     VIR_CONNECT_LIST_DOMAINS_OTHER)

/* The statistics of doms (those still defined, in their order), or of
 * every domain when ndoms is 0, as far as they pass the list filters of
 * flags. */
static int
testConnectGetAllDomainStats(virConnectPtr conn, virDomainPtr *doms,
                             unsigned int ndoms, unsigned int stats,
                             virDomainStatsRecordPtr **retStats,
                             unsigned int flags)
{
    testDriver *driver = conn->privateData;
    unsigned int filters = flags & TEST_STATS_LIST_FILTERS;
    g_autoptr(GPtrArray) vms = g_ptr_array_new_with_free_func(testObjUnref);
    g_autoptr(GPtrArray) recs = g_ptr_array_new();
    unsigned int i;

    virCheckFlags(TEST_STATS_LIST_FILTERS |
                  VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT |
                  VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING |
                  VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS, -1);

    if (!stats) {
        stats = TEST_STATS_SUPPORTED;
    } else if ((flags & VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS) &&
               (stats & ~TEST_STATS_SUPPORTED)) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "Stats types bits 0x%x are not supported by this daemon",
                       stats & ~TEST_STATS_SUPPORTED);
        return -1;
    }

    if (ndoms) {
        for (i = 0; i < ndoms; i++) {
            virDomainObj *vm = virDomainObjListFindByUUID(driver->domains,
                                                          doms[i]->uuid);

            /* A domain gone meanwhile is skipped, not an error. */
            if (!vm)
                continue;
            virObjectUnlock(vm);
            g_ptr_array_add(vms, vm);
        }
    } else {
        size_t nobjs;
        virDomainObj **objs = virDomainObjListCollect(driver->domains, NULL,
                                                      NULL, &nobjs);

        for (i = 0; i < nobjs; i++)
            g_ptr_array_add(vms, g_steal_pointer(&objs[i]));
        g_free(objs);
    }

    for (i = 0; i < vms->len; i++) {
        virDomainObj *vm = vms->pdata[i];
        virDomainStatsRecordPtr rec = NULL;
        bool match;

        virObjectLock(vm);
        match = testDomainFilterAll(vm, GUINT_TO_POINTER(filters));
        if (match)
            rec = testDomainStatsRecord(conn, vm, stats);
        virObjectUnlock(vm);
        if (!match)
            continue;
        if (!rec) {
            g_ptr_array_add(recs, NULL);
            virDomainStatsRecordListFree(
                (virDomainStatsRecordPtr *)g_ptr_array_steal(recs, NULL));
            return -1;
        }
        g_ptr_array_add(recs, rec);
    }

    i = recs->len;
    g_ptr_array_add(recs, NULL);
    *retStats = (virDomainStatsRecordPtr *)g_ptr_array_steal(recs, NULL);
    return i;
}

static int
testConnectGetAllDomainStatsAll(virConnectPtr conn, unsigned int stats,
                                virDomainStatsRecordPtr **retStats,
                                unsigned int flags)
{
    return testConnectGetAllDomainStats(conn, NULL, 0, stats, retStats,
                                        flags);
}

static int
testDomainListGetStats(virDomainPtr *doms, unsigned int ndoms,
                       unsigned int stats, virDomainStatsRecordPtr **retStats,
                       unsigned int flags)
{
    return testConnectGetAllDomainStats(doms[0]->conn, doms, ndoms, stats,
                                        retStats, flags);
}

void
testDomainStatsSlots(virHypervisorDriver *hv)
{
    hv->domainBlockStats = testDomainBlockStats;
    hv->domainInterfaceStats = testDomainInterfaceStats;
    hv->domainMemoryStats = testDomainMemoryStats;
    hv->domainGetCPUStats = testDomainGetCPUStats;
    hv->domainGetBlockInfo = testDomainGetBlockInfo;
    hv->domainSetBlockIoTune = testDomainSetBlockIoTune;
    hv->domainGetBlockIoTune = testDomainGetBlockIoTune;
    hv->connectGetAllDomainStats = testConnectGetAllDomainStatsAll;
    hv->domainListGetStats = testDomainListGetStats;
}
