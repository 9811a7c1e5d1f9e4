/*
 * api_args.c: the argument checks of the public entry points, compared
 * with upstream.
 *
 * Each call passes one bad argument (or a read-only connection) to an
 * entry point of test:///default and prints its return value, error code,
 * error domain and message in the sweep's line format.  The program is
 * built twice, against Vireo and against the system's libvirt, and
 * compare_sweep.py --strict requires the same lines from both: the checks
 * generated from src/api run in upstream's order with upstream's words.
 * Only the public API is used.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* A line per call: the function's name and the call's number name it. */
static void
report(const char *expr, long long ret)
{
    static int count;
    virErrorPtr err = virGetLastError();

    printf("%.*s_%d(args) ret=%lld code=%d domain=%d ok | %s\n",
           (int)strcspn(expr, "("), expr, ++count, ret,
           err ? err->code : 0, err ? err->domain : 0,
           err && err->message ? err->message : "");
    virResetLastError();
}

#define CALL(expr) report(#expr, (long long)(expr))
#define CALLP(expr) report(#expr, (expr) ? 1 : 0)

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* Never called: registration fails on the argument checks. */
static void
secretEvent(virConnectPtr conn, virSecretPtr secret, void *opaque)
{
    (void)conn, (void)secret, (void)opaque;
}

static void
domainEvent(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    (void)conn, (void)dom, (void)opaque;
}

static void
devEvent(virConnectPtr conn, virNodeDevicePtr dev, void *opaque)
{
    (void)conn, (void)dev, (void)opaque;
}

static void
netEvent(virConnectPtr conn, virNetworkPtr net, void *opaque)
{
    (void)conn, (void)net, (void)opaque;
}

static void
poolEvent(virConnectPtr conn, virStoragePoolPtr pool, void *opaque)
{
    (void)conn, (void)pool, (void)opaque;
}

static const char *VOL_XML =
    "<volume><name>args.img</name><capacity>1048576</capacity></volume>";

static void
domainCalls(virConnectPtr conn, virConnectPtr ro)
{
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainPtr domro = virDomainLookupByName(ro, "test");
    virStreamPtr st = virStreamNew(conn, 0);
    virStreamPtr stro = virStreamNew(ro, 0);
    virVcpuInfo info[2];
    unsigned char maps[8];
    virDomainBlockStatsStruct bs;
    virDomainInterfaceStatsStruct is;
    virTypedParameter params[4];
    virTypedParameterPtr pparams = NULL;
    int n = 0;
    unsigned int keys[2] = { 1, 2 };
    const char *sshkeys[] = { "k", NULL };
    virDomainStatsRecordPtr *stats = NULL;
    int sv[2] = { -1, -1 };
    int pfd[2] = { -1, -1 };

    memset(params, 0, sizeof(params));

    CALL(virDomainSetMaxMemory(dom, 0));
    CALL(virDomainSetMaxMemory(dom, ULONG_MAX));
    CALL(virDomainSetMaxMemory(domro, 1024));
    CALL(virDomainSetMemory(dom, 0));
    CALL(virDomainSetMemory(dom, ULONG_MAX));
    CALL(virDomainSetMemoryFlags(dom, ULONG_MAX, 0));
    CALLP(virDomainLookupByUUIDString(conn, "zz"));
    CALLP(virDomainLookupByUUIDString(conn, NULL));
    CALL(virDomainSave(domro, "x"));
    CALL(virDomainSave(dom, NULL));
    CALL(virDomainSaveFlags(dom, "x", NULL,
                            VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED));
    CALL(virDomainRestore(conn, NULL));
    CALL(virDomainRestore(ro, "x"));
    CALL(virDomainRestoreFlags(conn, "x", NULL,
                               VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED));
    CALL(virDomainSaveImageDefineXML(conn, "f", NULL, 0));
    CALLP(virDomainSaveImageGetXMLDesc(ro, "f", 0));
    CALLP(virDomainSaveImageGetXMLDesc(conn, NULL, 0));
    CALL(virDomainCoreDump(dom, "x", VIR_DUMP_CRASH | VIR_DUMP_LIVE));
    CALL(virDomainCoreDump(dom, "x", VIR_DUMP_LIVE | VIR_DUMP_RESET));
    CALL(virDomainCoreDumpWithFormat(dom, "x", 99, 0));
    CALL(virDomainCoreDumpWithFormat(dom, NULL, 0, 0));
    CALL(virDomainGetVcpus(dom, NULL, 1, NULL, 0));
    CALL(virDomainGetVcpus(dom, info, 0, NULL, 0));
    CALL(virDomainGetVcpus(dom, info, 1, NULL, 5));
    CALL(virDomainGetVcpus(dom, info, 1, maps, 0));
    CALL(virDomainGetVcpus(dom, info, 2, maps, INT_MAX));
    CALL(virDomainGetVcpusFlags(domro, VIR_DOMAIN_VCPU_GUEST));
    CALL(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG));
    CALL(virDomainGetVcpuPinInfo(dom, 1, NULL, 1, 0));
    CALL(virDomainGetVcpuPinInfo(dom, 0, maps, 1, 0));
    CALL(virDomainGetVcpuPinInfo(dom, 1, maps, 0, 0));
    CALL(virDomainGetVcpuPinInfo(dom, 2, maps, INT_MAX, 0));
    CALL(virDomainGetVcpuPinInfo(dom, 1, maps, 1,
                                 VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG));
    CALL(virDomainBlockStats(dom, NULL, &bs, sizeof(bs)));
    CALL(virDomainBlockStats(dom, "vda", NULL, sizeof(bs)));
    CALL(virDomainBlockStats(dom, "vda", &bs, sizeof(bs) + 8));
    CALL(virDomainInterfaceStats(dom, NULL, &is, sizeof(is)));
    CALL(virDomainInterfaceStats(dom, "eth0", NULL, sizeof(is)));
    CALL(virDomainInterfaceStats(dom, "eth0", &is, sizeof(is) + 8));
    CALL(virDomainMemoryStats(dom, NULL, 4, 0));
    CALL(virDomainGetCPUStats(dom, NULL, 0, -1, 2, 0));
    CALL(virDomainGetCPUStats(dom, NULL, 0, -5, 1, 0));
    CALL(virDomainGetCPUStats(dom, NULL, 1, 0, 1, 0));
    CALL(virDomainGetCPUStats(dom, params, 0, 0, 1, 0));
    CALL(virDomainGetCPUStats(dom, params, 1, 0, 0, 0));
    CALL(virDomainGetCPUStats(dom, params, 2, 0, UINT_MAX, 0));
    CALL(virDomainGetBlockIoTune(dom, "vda", params, NULL, 0));
    n = -1;
    CALL(virDomainGetBlockIoTune(dom, "vda", params, &n, 0));
    n = 1;
    CALL(virDomainGetBlockIoTune(dom, "vda", NULL, &n, 0));
    CALL(virDomainGetBlockIoTune(dom, NULL, params, &n, 0));
    n = 0;
    CALL(virDomainGetBlockIoTune(dom, NULL, NULL, &n,
                                 VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG));
    CALL(virDomainBlockRebase(domro, "vda", NULL, 0, 0));
    CALL(virDomainBlockRebase(dom, NULL, NULL, 0, 0));
    CALL(virDomainBlockRebase(dom, "vda", NULL, 0, VIR_DOMAIN_BLOCK_REBASE_COPY));
    CALL(virDomainBlockRebase(dom, "vda", NULL, 0, VIR_DOMAIN_BLOCK_REBASE_SHALLOW));
    CALL(virDomainOpenConsole(dom, NULL, NULL, 0));
    CALL(virDomainOpenConsole(domro, NULL, stro, 0));
    CALL(virDomainOpenConsole(dom, NULL, stro, 0));
    CALL(virDomainOpenChannel(dom, NULL, NULL, 0));
    CALL(virDomainOpenChannel(dom, NULL, stro, 0));
    CALLP(virDomainScreenshot(dom, NULL, 0, 0));
    CALLP(virDomainScreenshot(domro, stro, 0, 0));
    CALLP(virDomainScreenshot(dom, stro, 0, 0));
    CALL(virDomainOpenGraphics(dom, 0, -1, 0));
    CALL(virDomainOpenGraphics(dom, 0, 999, 0));
    if (pipe(pfd) == 0) {
        CALL(virDomainOpenGraphics(dom, 0, pfd[0], 0));
        close(pfd[0]);
        close(pfd[1]);
    }
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0) {
        CALL(virDomainOpenGraphics(domro, 0, sv[0], 0));
        close(sv[0]);
        close(sv[1]);
    }
    CALL(virDomainOpenGraphicsFD(domro, 0, 0));
    CALL(virDomainSendKey(domro, 0, 0, keys, 2, 0));
    CALL(virDomainSendKey(dom, 0, 0, NULL, 2, 0));
    CALL(virDomainSendKey(dom, 0, 0, keys, 0, 0));
    CALL(virDomainSendKey(dom, 99, 0, keys, 2, 0));
    CALL(virDomainSendKey(dom, 0, 0, keys, 100, 0));
    CALLP(virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "u", 0));
    CALLP(virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION, "u", 0));
    CALLP(virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, NULL, 0));
    CALLP(virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, NULL,
                               VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG));
    CALL(virDomainSetMetadata(domro, VIR_DOMAIN_METADATA_TITLE, "t", NULL, NULL, 0));
    CALL(virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "a\nb", NULL, NULL, 0));
    CALL(virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "t", NULL, "u", 0));
    CALL(virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_DESCRIPTION, "t", "k", NULL, 0));
    CALL(virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "<a/>", "k", NULL, 0));
    CALL(virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "<a/>", NULL, "u", 0));
    CALL(virDomainCreateWithFiles(domro, 0, NULL, 0));
    CALLP(virDomainCreateXMLWithFiles(conn, NULL, 0, NULL, 0));
    CALLP(virDomainCreateXMLWithFiles(ro, "<domain/>", 0, NULL, 0));
    CALL(virDomainFDAssociate(dom, "x", 0, NULL, 0));
    CALL(virConnectDomainEventRegisterAny(conn, domro, 0,
                                          domainEvent,
                                          NULL, NULL));
    CALL(virConnectDomainEventRegisterAny(conn, NULL, 0, NULL, NULL, NULL));
    CALL(virConnectDomainEventRegisterAny(conn, NULL, -1,
                                          domainEvent,
                                          NULL, NULL));
    CALL(virConnectDomainEventRegisterAny(conn, NULL, 999,
                                          domainEvent,
                                          NULL, NULL));
    CALL(virConnectGetAllDomainStats(conn, 0, NULL, 0));
    CALL(virDomainGetFSInfo(dom, NULL, 0));
    CALL(virDomainGetIOThreadInfo(dom, NULL, 0));
    CALL(virDomainGetIOThreadInfo(dom, NULL,
                                  VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG));
    CALL(virDomainInterfaceAddresses(dom, NULL, 0, 0));
    CALL(virDomainAuthorizedSSHKeysSet(dom, NULL, sshkeys, 1, 0));
    CALL(virDomainAuthorizedSSHKeysSet(dom, "root", NULL, 1,
                                       VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND));
    CALL(virDomainAuthorizedSSHKeysSet(dom, "root", sshkeys, 1,
                                       VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND |
                                       VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE));
    CALL(virDomainAuthorizedSSHKeysSet(domro, "root", sshkeys, 1, 0));
    CALL(virDomainGetPerfEvents(dom, NULL, &n, 0));
    CALL(virDomainGetPerfEvents(dom, &pparams, NULL, 0));
    CALL(virDomainSetPerfEvents(dom, NULL, 0, 0));
    CALL(virDomainSetPerfEvents(dom, params, 0, 0));
    CALL(virDomainSetPerfEvents(domro, params, 1, 0));
    CALL(virDomainSetLifecycleAction(dom, 99, 0, 0));
    CALL(virDomainSetLifecycleAction(dom, 0, 99, 0));
    CALL(virDomainSetLifecycleAction(domro, 0, 0, 0));
    CALL(virDomainGetLaunchSecurityInfo(dom, NULL, &n, 0));
    CALL(virDomainGetLaunchSecurityInfo(domro, &pparams, &n, 0));
    CALL(virDomainSetLaunchSecurityState(dom, NULL, 1, 0));
    CALL(virDomainSetLaunchSecurityState(dom, params, 0, 0));
    CALL(virDomainGetGuestInfo(domro, 0, &pparams, &n, 0));
    CALL(virDomainGetGuestInfo(dom, 0, NULL, &n, 0));
    CALL(virDomainListGetStats(NULL, 0, &stats, 0));

    virStreamFree(stro);
    virStreamFree(st);
    virDomainFree(domro);
    virDomainFree(dom);
}

static void
otherCalls(virConnectPtr conn, virConnectPtr ro)
{
    virStoragePoolPtr pool = virStoragePoolLookupByName(conn, "default-pool");
    virStorageVolPtr vol = pool ? virStorageVolCreateXML(pool, VOL_XML, 0) : NULL;
    char *path = vol ? virStorageVolGetPath(vol) : NULL;
    virStorageVolPtr volro = path ? virStorageVolLookupByPath(ro, path) : NULL;
    virStreamPtr st = virStreamNew(conn, 0);
    virStreamPtr stro = virStreamNew(ro, 0);
    virNodeCPUStats cpu[2];
    virNodeMemoryStats mem[2];
    const char *cpus[] = { "<cpu/>" };
    long long len = 0;
    int n = 0;

    CALL(virConnectCompareCPU(conn, NULL, 0));
    CALL(virConnectCompareHypervisorCPU(conn, NULL, NULL, NULL, NULL, NULL, 0));
    CALL(virConnectCompareHypervisorCPU(ro, NULL, NULL, NULL, NULL, "<cpu/>", 0));
    CALLP(virConnectBaselineCPU(conn, NULL, 1, 0));
    CALLP(virConnectBaselineHypervisorCPU(conn, NULL, NULL, NULL, NULL, NULL, 1, 0));
    CALLP(virConnectBaselineHypervisorCPU(ro, NULL, NULL, NULL, NULL, cpus, 1, 0));
    CALL(virNodeGetCPUStats(conn, 0, cpu, NULL, 0));
    n = -1;
    CALL(virNodeGetCPUStats(conn, 0, cpu, &n, 0));
    n = 0;
    CALL(virNodeGetCPUStats(conn, -5, cpu, &n, 0));
    CALL(virNodeGetMemoryStats(conn, 0, mem, NULL, 0));
    CALL(virNodeGetMemoryStats(conn, -5, mem, &n, 0));

    CALLP(virNodeDeviceCreateXML(ro, "<device/>", 0));
    CALLP(virNodeDeviceCreateXML(conn, NULL, 0));
    CALLP(virNodeDeviceDefineXML(ro, "<device/>", 0));
    CALLP(virNodeDeviceDefineXML(conn, NULL, 0));
    CALL(virConnectNodeDeviceEventRegisterAny(conn, NULL, 99, devEvent, NULL, NULL));
    CALL(virConnectNodeDeviceEventRegisterAny(conn, NULL, 0, NULL, NULL, NULL));
    CALL(virConnectNetworkEventRegisterAny(conn, NULL, -1, netEvent, NULL, NULL));
    CALL(virConnectNetworkEventRegisterAny(conn, NULL, 99, netEvent, NULL, NULL));
    CALL(virConnectStoragePoolEventRegisterAny(conn, NULL, 99, poolEvent, NULL, NULL));
    CALL(virConnectStoragePoolEventRegisterAny(conn, NULL, 0, NULL, NULL, NULL));
    CALL(virConnectSecretEventRegisterAny(conn, NULL, 99, secretEvent, NULL, NULL));
    CALL(virConnectSecretEventRegisterAny(conn, NULL, -1, secretEvent, NULL, NULL));
    CALL(virConnectSecretEventRegisterAny(conn, NULL, 0, NULL, NULL, NULL));

    if (pool && vol && volro) {
        virStoragePoolPtr poolro = virStoragePoolLookupByName(ro, "default-pool");

        CALLP(virStorageVolCreateXMLFrom(pool, VOL_XML, NULL, 0));
        CALLP(virStorageVolCreateXMLFrom(pool, NULL, vol, 0));
        CALLP(virStorageVolCreateXMLFrom(pool, VOL_XML, volro, 0));
        CALLP(virStorageVolCreateXMLFrom(poolro, VOL_XML, vol, 0));
        CALL(virStorageVolDownload(vol, NULL, 0, 0, 0));
        CALL(virStorageVolDownload(vol, stro, 0, 0, 0));
        CALL(virStorageVolDownload(volro, stro, 0, 0, 0));
        CALL(virStorageVolUpload(vol, NULL, 0, 0, 0));
        CALL(virStorageVolUpload(vol, stro, 0, 0, 0));
        CALL(virStorageVolResize(vol, 0, 0));
        CALL(virStorageVolResize(volro, 1, 0));
        virStorageVolDelete(vol, 0);
        virStoragePoolFree(poolro);
    }

    CALL(virStreamSend(st, NULL, 1));
    CALL(virStreamRecv(st, NULL, 1));
    CALL(virStreamRecvFlags(st, NULL, 1, 0));
    CALL(virStreamRecvHole(st, NULL, 0));
    CALL(virStreamRecvHole(st, &len, 0));
    CALL(virStreamSendHole(st, 1, 0));
    CALL(virStreamFinish(st));
    CALL(virStreamEventUpdateCallback(st, 0));
    CALL(virStreamEventRemoveCallback(st));
    CALL(virStreamAbort(st));

    virStreamFree(stro);
    virStreamFree(st);
    if (volro)
        virStorageVolFree(volro);
    if (vol)
        virStorageVolFree(vol);
    if (pool)
        virStoragePoolFree(pool);
    free(path);
}

int
main(void)
{
    virConnectPtr conn;
    virConnectPtr ro;

    virSetErrorFunc(NULL, quiet);
    conn = virConnectOpen("test:///default");
    ro = virConnectOpenReadOnly("test:///default");
    if (!conn || !ro) {
        fprintf(stderr, "cannot open test:///default\n");
        return 1;
    }
    domainCalls(conn, ro);
    otherCalls(conn, ro);
    virConnectClose(ro);
    virConnectClose(conn);
    return 0;
}
