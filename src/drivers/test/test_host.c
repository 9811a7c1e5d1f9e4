/*
 * test_host.c: the test driver's fake host.
 *
 * Node information, NUMA cells and free memory come from the testDriver
 * state; the capabilities are built from the same state with the fixed
 * guest and security model descriptions upstream's test driver advertises
 * and written by the capabilities formatter, so that tools see the same
 * host with either library.
 */
#include "drivers/test/test_driver.h"
#include "conf/capabilities_conf.h"
#include "conf/domain_conf.h"
#include "util/virbuffer.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_host");

/* Page sizes (KiB) the fake host offers.  Each cell reports its memory in
 * one base size (4 KiB for cell 0, 8 KiB for the others, as upstream) and
 * the huge page sizes with nothing available. */
static const unsigned int testPageSizes[] = {4, 8, 2048, 1024 * 1024};

/* The guest OS types the fake hypervisor runs, all as i686 "test" domains. */
static const int testGuestOSTypes[] = {
    VIR_DOMAIN_OSTYPE_HVM, VIR_DOMAIN_OSTYPE_XEN
};

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

/* The fake host and its guests as a capabilities struct: i686 CPU with
 * pae/nonpae, the page sizes, the driver's NUMA cells and one security
 * model; then one i686 "test" guest per OS type. */
static virCapsDef *
testBuildCapabilities(testDriver *driver)
{
    g_autoptr(virCapsDef) caps = virCapsDefNew();
    virCapsHost *host = &caps->host;
    size_t i, j;

    host->arch = virArchTypeFromString(TEST_MODEL);
    host->nfeatures = 2;
    host->features = g_new0(char *, host->nfeatures);
    host->features[0] = g_strdup("pae");
    host->features[1] = g_strdup("nonpae");
    host->npagesSize = G_N_ELEMENTS(testPageSizes);
    host->pagesSize = g_memdup2(testPageSizes, sizeof(testPageSizes));
    host->iommu = testHostHasIOMMU();

    for (i = 0; i < driver->numCells; i++) {
        const testCell *src = &driver->cells[i];
        virCapsHostCell *cell = virCapsHostAddCell(host, i);
        unsigned int base = i == 1 ? testPageSizes[1] : testPageSizes[0];

        cell->mem = src->mem;
        /* one base size with the cell's memory, the huge sizes empty */
        cell->npages = 1 + G_N_ELEMENTS(testPageSizes) - 2;
        cell->pages = g_new0(virCapsHostCellPages, cell->npages);
        cell->pages[0].size = base;
        cell->pages[0].avail = src->mem / base;
        for (j = 2; j < G_N_ELEMENTS(testPageSizes); j++)
            cell->pages[j - 1].size = testPageSizes[j];

        cell->ncpus = src->numCpus;
        cell->cpus = g_new0(virCapsHostCellCPU, cell->ncpus);
        for (j = 0; j < src->numCpus; j++) {
            cell->cpus[j].id = src->cpus[j].id;
            cell->cpus[j].socket_id = src->cpus[j].socket_id;
            cell->cpus[j].core_id = src->cpus[j].core_id;
            if (!(cell->cpus[j].siblings =
                  virBitmapParseUnlimited(src->cpus[j].siblings)))
                return NULL;
        }
    }
    host->hasTopology = driver->numCells > 0;

    host->nsecModels = 1;
    host->secModels = g_new0(virCapsHostSecModel, 1);
    host->secModels[0].model = g_strdup("testSecurity");
    host->secModels[0].doi = g_strdup("");

    for (i = 0; i < G_N_ELEMENTS(testGuestOSTypes); i++) {
        virCapsGuest *guest;

        guest = virCapsDefAddGuest(caps, testGuestOSTypes[i],
                                   virArchTypeFromString(TEST_MODEL), 32);
        guest->defaultInfo.emulator = g_strdup(TEST_EMULATOR);
        virCapsGuestAddDomain(guest, VIR_DOMAIN_VIRT_TEST);
        guest->features[VIR_CAPS_GUEST_FEATURE_PAE].present = true;
        guest->features[VIR_CAPS_GUEST_FEATURE_NONPAE].present = true;
    }
    return g_steal_pointer(&caps);
}

char *
testConnectGetCapabilities(virConnectPtr conn)
{
    testDriver *driver = conn->privateData;
    g_autoptr(virCapsDef) caps = NULL;

    virObjectLock(driver);
    caps = testBuildCapabilities(driver);
    virObjectUnlock(driver);
    if (!caps)
        return NULL;
    return virCapsDefFormat(caps);
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
