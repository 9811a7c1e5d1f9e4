/*
 * test_host.c: the test driver's fake host.
 *
 * Node information, NUMA cells and free memory come from the testDriver
 * state; the capabilities XML is formatted from the same state with the
 * fixed guest and security model descriptions upstream's test driver
 * advertises, so that tools see the same host with either library.
 */
#include "drivers/test/test_driver.h"
#include "util/virbuffer.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_host");

/* Page sizes (KiB) the fake host offers.  Each cell reports its memory in
 * one base size (4 KiB for cell 0, 8 KiB for the others, as upstream) and
 * the huge page sizes with nothing available. */
static const unsigned int testPageSizes[] = {4, 8, 2048, 1024 * 1024};

/* The guest OS types the fake hypervisor runs, all as i686 "test" domains. */
static const char *const testGuestOSTypes[] = {"hvm", "xen"};

int
testConnectGetVersion(virConnectPtr conn G_GNUC_UNUSED, unsigned long *hvVer)
{
    *hvVer = 2;
    return 0;
}

char *
testConnectGetHostname(virConnectPtr conn G_GNUC_UNUSED)
{
    /* The test driver runs on the real host: report its name. */
    return g_strdup(g_get_host_name());
}

int
testConnectGetMaxVcpus(virConnectPtr conn G_GNUC_UNUSED,
                       const char *type G_GNUC_UNUSED)
{
    return 32;
}

int
testNodeGetInfo(virConnectPtr conn, virNodeInfoPtr info)
{
    testDriver *driver = conn->privateData;

    virObjectLock(driver);
    *info = driver->nodeInfo;
    virObjectUnlock(driver);
    return 0;
}

/* Upstream's test driver answers with each cell's total memory, not its
 * free memory; tools compare the two libraries, so we do the same. */
int
testNodeGetCellsFreeMemory(virConnectPtr conn, unsigned long long *freeMems,
                           int startCell, int maxCells)
{
    testDriver *driver = conn->privateData;
    size_t cell;
    int n = 0;

    virObjectLock(driver);
    if ((size_t)startCell >= driver->numCells) {
        virObjectUnlock(driver);
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Range exceeds available cells");
        return -1;
    }

    for (cell = startCell; cell < driver->numCells && n < maxCells; cell++)
        freeMems[n++] = driver->cells[cell].mem;
    virObjectUnlock(driver);
    return n;
}

unsigned long long
testNodeGetFreeMemory(virConnectPtr conn)
{
    testDriver *driver = conn->privateData;
    unsigned long long freeMem = 0;
    size_t i;

    virObjectLock(driver);
    for (i = 0; i < driver->numCells; i++)
        freeMem += driver->cells[i].freeMem;
    virObjectUnlock(driver);
    return freeMem;
}

char *
testConnectGetSysinfo(virConnectPtr conn G_GNUC_UNUSED, unsigned int flags)
{
    virCheckFlags(0, NULL);

    return g_strdup("<sysinfo type='smbios'>\n"
                    "  <bios>\n"
                    "    <entry name='vendor'>LENOVO</entry>\n"
                    "    <entry name='version'>G4ETA1WW (2.61 )</entry>\n"
                    "    <entry name='date'>05/07/2014</entry>\n"
                    "    <entry name='release'>2.61</entry>\n"
                    "  </bios>\n"
                    "</sysinfo>\n");
}

/* Whether the real host has IOMMU groups, which the capabilities report
 * even for the fake host, as upstream does. */
static bool
testHostHasIOMMU(void)
{
    g_autoptr(GDir) dir = g_dir_open("/sys/kernel/iommu_groups", 0, NULL);

    return dir && g_dir_read_name(dir) != NULL;
}

static void
testFormatHostCPU(virBuffer *buf)
{
    size_t i;

    virBufferAddLit(buf, "<cpu>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<arch>%s</arch>\n", TEST_MODEL);
    virBufferAddLit(buf, "<features>\n");
    virBufferAddLit(buf, "  <pae/>\n");
    virBufferAddLit(buf, "  <nonpae/>\n");
    virBufferAddLit(buf, "</features>\n");
    for (i = 0; i < G_N_ELEMENTS(testPageSizes); i++)
        virBufferAsprintf(buf, "<pages unit='KiB' size='%u'/>\n",
                          testPageSizes[i]);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cpu>\n");
}

static void
testFormatCell(virBuffer *buf, size_t id, const testCell *cell)
{
    unsigned int base = id == 1 ? testPageSizes[1] : testPageSizes[0];
    size_t i;

    virBufferAsprintf(buf, "<cell id='%zu'>\n", id);
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<memory unit='KiB'>%llu</memory>\n", cell->mem);
    virBufferAsprintf(buf, "<pages unit='KiB' size='%u'>%llu</pages>\n", base,
                      cell->mem / base);
    for (i = 2; i < G_N_ELEMENTS(testPageSizes); i++)
        virBufferAsprintf(buf, "<pages unit='KiB' size='%u'>0</pages>\n",
                          testPageSizes[i]);

    virBufferAsprintf(buf, "<cpus num='%zu'>\n", cell->numCpus);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < cell->numCpus; i++) {
        const testCellCPU *cpu = &cell->cpus[i];

        virBufferAsprintf(buf,
                          "<cpu id='%u' socket_id='%u' die_id='0' "
                          "core_id='%u' siblings='%s'/>\n",
                          cpu->id, cpu->socket_id, cpu->core_id, cpu->siblings);
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cpus>\n");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cell>\n");
}

static void
testFormatHost(virBuffer *buf, testDriver *driver)
{
    size_t i;

    virBufferAddLit(buf, "<host>\n");
    virBufferAdjustIndent(buf, 2);
    testFormatHostCPU(buf);
    virBufferAddLit(buf, "<power_management/>\n");
    virBufferAsprintf(buf, "<iommu support='%s'/>\n",
                      testHostHasIOMMU() ? "yes" : "no");

    if (driver->numCells > 0) {
        virBufferAddLit(buf, "<topology>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferAsprintf(buf, "<cells num='%zu'>\n", driver->numCells);
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < driver->numCells; i++)
            testFormatCell(buf, i, &driver->cells[i]);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</cells>\n");
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</topology>\n");
    }

    virBufferAddLit(buf, "<secmodel>\n");
    virBufferAddLit(buf, "  <model>testSecurity</model>\n");
    virBufferAddLit(buf, "  <doi></doi>\n");
    virBufferAddLit(buf, "</secmodel>\n");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</host>\n\n");
}

static void
testFormatGuest(virBuffer *buf, const char *ostype)
{
    virBufferAddLit(buf, "<guest>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<os_type>%s</os_type>\n", ostype);
    virBufferAsprintf(buf, "<arch name='%s'>\n", TEST_MODEL);
    virBufferAddLit(buf, "  <wordsize>32</wordsize>\n");
    virBufferAsprintf(buf, "  <emulator>%s</emulator>\n", TEST_EMULATOR);
    virBufferAddLit(buf, "  <domain type='test'/>\n");
    virBufferAddLit(buf, "</arch>\n");
    virBufferAddLit(buf, "<features>\n");
    virBufferAddLit(buf, "  <pae/>\n");
    virBufferAddLit(buf, "  <nonpae/>\n");
    virBufferAddLit(buf, "</features>\n");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</guest>\n\n");
}

char *
testConnectGetCapabilities(virConnectPtr conn)
{
    testDriver *driver = conn->privateData;
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    size_t i;

    virBufferAddLit(&buf, "<capabilities>\n\n");
    virBufferAdjustIndent(&buf, 2);

    virObjectLock(driver);
    testFormatHost(&buf, driver);
    virObjectUnlock(driver);

    for (i = 0; i < G_N_ELEMENTS(testGuestOSTypes); i++)
        testFormatGuest(&buf, testGuestOSTypes[i]);

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</capabilities>\n");
    return virBufferContentAndReset(&buf);
}

/* Fixed counters (nanoseconds) in upstream's order; a caller passing no
 * array learns how many there are. */
static const struct {
    const char *field;
    unsigned long long value;
} testCPUStats[] = {
    {VIR_NODE_CPU_STATS_USER, 9797400000ULL},
    {VIR_NODE_CPU_STATS_KERNEL, 34678723400000ULL},
    {VIR_NODE_CPU_STATS_IDLE, 87264900000ULL},
    {VIR_NODE_CPU_STATS_IOWAIT, 763600000ULL},
};

int
testNodeGetCPUStats(virConnectPtr conn G_GNUC_UNUSED, int cpuNum G_GNUC_UNUSED,
                    virNodeCPUStatsPtr params, int *nparams, unsigned int flags)
{
    size_t i;

    virCheckFlags(0, -1);

    if (!params) {
        *nparams = G_N_ELEMENTS(testCPUStats);
        return 0;
    }

    for (i = 0; i < (size_t)*nparams && i < G_N_ELEMENTS(testCPUStats); i++) {
        g_strlcpy(params[i].field, testCPUStats[i].field,
                  sizeof(params[i].field));
        params[i].value = testCPUStats[i].value;
    }
    *nparams = i;
    return 0;
}

/* Made-up but stable counts, the same sequence upstream produces. */
int
testNodeGetFreePages(virConnectPtr conn G_GNUC_UNUSED, unsigned int npages,
                     unsigned int *pages G_GNUC_UNUSED,
                     int startCell G_GNUC_UNUSED, unsigned int cellCount,
                     unsigned long long *counts, unsigned int flags)
{
    unsigned long long x = 6;
    size_t i;

    virCheckFlags(0, -1);

    for (i = 0; i < (size_t)cellCount * npages; i++) {
        x = x * 2 + 7;
        /* Upstream keeps the sequence in an int; wrap as it does. */
        x = (unsigned long long)(int)(unsigned int)x;
        counts[i] = x;
    }
    return 0;
}

/* The model and DOI the capabilities advertise. */
int
testNodeGetSecurityModel(virConnectPtr conn G_GNUC_UNUSED,
                         virSecurityModelPtr secmodel)
{
    memset(secmodel, 0, sizeof(*secmodel));
    g_strlcpy(secmodel->model, "testSecurity", sizeof(secmodel->model));
    return 0;
}

/* 8 CPUs of which 0, 2 and 4 are online, as upstream answers. */
int
testNodeGetCPUMap(virConnectPtr conn G_GNUC_UNUSED, unsigned char **cpumap,
                  unsigned int *online, unsigned int flags)
{
    virCheckFlags(0, -1);

    if (cpumap) {
        *cpumap = g_new0(unsigned char, 1);
        (*cpumap)[0] = 0x15;
    }
    if (online)
        *online = 3;
    return 8;
}
