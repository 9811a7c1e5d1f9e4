/*
 * test_domain_args.c: the entry points for domains, snapshots and
 * checkpoints, generated and hand-written (src/libvirt-domain*.c).
 *
 * Each call is made with invalid objects and missing arguments and must
 * fail with upstream's error code and domain.  A private connection driver
 * ("vireodom://") supplies the few slots needed to check what reaches a
 * driver: absolute save paths, stats copied at the caller's size, and the
 * order of the migration protocol 3 steps.  Built from the library's
 * objects so the internal constructors are at hand.
 */
#include <unistd.h>
#include <sys/socket.h>

#include "test_args_fake.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* ---- the fake driver ---- */

static char *fakeSavedPath;
static GString *fakeSteps;

static int
fakeDomainSave(virDomainPtr dom, const char *to)
{
    g_free(fakeSavedPath);
    fakeSavedPath = g_strdup(to);
    return 0;
}

static int
fakeDomainBlockStats(virDomainPtr dom, const char *disk,
                     virDomainBlockStatsPtr stats, size_t size)
{
    stats->rd_req = 11;
    stats->rd_bytes = 22;
    return 0;
}

static unsigned long
fakeDomainGetMaxMemory(virDomainPtr dom)
{
    return 1024;
}

static int
fakeDomainGetState(virDomainPtr dom, int *state, int *reason,
                   unsigned int flags)
{
    *state = VIR_DOMAIN_RUNNING;
    return 0;
}

static char *
fakeBegin3Params(virDomainPtr domain, virTypedParameterPtr params, int nparams,
                 char **cookieout, int *cookieoutlen, unsigned int flags)
{
    g_string_append(fakeSteps, "begin ");
    *cookieout = g_strdup("c1");
    *cookieoutlen = 3;
    return g_strdup("<domain/>");
}

static int
fakePrepare3Params(virConnectPtr dconn, virTypedParameterPtr params,
                   int nparams, const char *cookiein, int cookieinlen,
                   char **cookieout, int *cookieoutlen, char **uri_out,
                   unsigned int flags)
{
    const char *xml = NULL;

    virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_DEST_XML, &xml);
    g_string_append_printf(fakeSteps, "prepare(%s,%s) ", cookiein, NULLSTR(xml));
    *uri_out = g_strdup("tcp:dst");
    return 0;
}

static int
fakePerform3Params(virDomainPtr dom, const char *dconnuri,
                   virTypedParameterPtr params, int nparams,
                   const char *cookiein, int cookieinlen, char **cookieout,
                   int *cookieoutlen, unsigned int flags)
{
    const char *uri = NULL;

    virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_URI, &uri);
    g_string_append_printf(fakeSteps, "perform(%s,%s) ", NULLSTR(dconnuri),
                           NULLSTR(uri));
    return 0;
}

static virDomainPtr
fakeFinish3Params(virConnectPtr dconn, virTypedParameterPtr params,
                  int nparams, const char *cookiein, int cookieinlen,
                  char **cookieout, int *cookieoutlen, unsigned int flags,
                  int cancelled)
{
    const char *name = NULL;

    virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_DEST_NAME, &name);
    g_string_append_printf(fakeSteps, "finish(%s,%d) ", NULLSTR(name), cancelled);
    return virGetDomain(dconn, name, fakeUUID, 7);
}

static int
fakeConfirm3Params(virDomainPtr domain, virTypedParameterPtr params,
                   int nparams, const char *cookiein, int cookieinlen,
                   unsigned int flags, int cancelled)
{
    g_string_append_printf(fakeSteps, "confirm(%d)", cancelled);
    return 0;
}

static virHypervisorDriver fakeHypervisorDriver = {
    .name = "vireodom",
    .connectOpen = fakeConnectOpen,
    .connectClose = fakeConnectClose,
    .connectSupportsFeature = fakeSupportsFeature,
    .domainSave = fakeDomainSave,
    .domainBlockStats = fakeDomainBlockStats,
    .domainGetMaxMemory = fakeDomainGetMaxMemory,
    .domainGetState = fakeDomainGetState,
    .domainMigrateBegin3Params = fakeBegin3Params,
    .domainMigratePrepare3Params = fakePrepare3Params,
    .domainMigratePerform3Params = fakePerform3Params,
    .domainMigrateFinish3Params = fakeFinish3Params,
    .domainMigrateConfirm3Params = fakeConfirm3Params,
};

static const char *fakeSchemes[] = { "vireodom", NULL };

static virConnectDriver fakeConnectDriver = {
    .localOnly = true,
    .uriSchemes = fakeSchemes,
    .hypervisorDriver = &fakeHypervisorDriver,
};

/* ---- helpers ---- */

#define BADDOM(call, failval) \
    ASSERT_ERR(call, failval, VIR_ERR_INVALID_DOMAIN, VIR_FROM_DOM)
#define BADARG(call, failval) \
    ASSERT_ERR(call, failval, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN)
#define RO(call, failval) \
    ASSERT_ERR(call, failval, VIR_ERR_OPERATION_DENIED, VIR_FROM_DOMAIN)
#define NOSUP(call, failval) \
    ASSERT_ERR(call, failval, VIR_ERR_NO_SUPPORT, VIR_FROM_DOMAIN)

/* ---- invalid objects ---- */

static void
testInvalidObjects(void)
{
    virConnectPtr conn = openFake(false);
    virNetworkPtr net = virGetNetwork(conn, "n", fakeUUID);
    virDomainPtr notdom = (virDomainPtr)net;
    virDomainPtr doms[] = { notdom, NULL };
    virVcpuInfo vinfo;
    virDomainBlockStatsStruct bstats;
    virDomainInterfaceStatsStruct istats;
    virDomainStatsRecordPtr *records = NULL;
    unsigned int keys[1] = { 1 };
    int n = 0;

    g_assert_cmpuint(virDomainGetID(NULL), ==, (unsigned int)-1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INVALID_DOMAIN);
    BADDOM(virDomainGetID(notdom), (unsigned int)-1);
    BADDOM(virDomainGetMaxMemory(NULL), 0);
    BADDOM(virDomainSetMaxMemory(NULL, 1), -1);
    BADDOM(virDomainSetMemory(notdom, 1), -1);
    BADDOM(virDomainSetMemoryFlags(NULL, 1, 0), -1);
    BADDOM(virDomainSave(NULL, "x"), -1);
    BADDOM(virDomainSaveFlags(NULL, "x", NULL, 0), -1);
    BADDOM(virDomainCoreDump(NULL, "x", 0), -1);
    BADDOM(virDomainCoreDumpWithFormat(NULL, "x", 0, 0), -1);
    BADDOM(virDomainGetVcpus(NULL, &vinfo, 1, NULL, 0), -1);
    BADDOM(virDomainGetVcpusFlags(NULL, 0), -1);
    BADDOM(virDomainGetVcpuPinInfo(NULL, 1, NULL, 1, 0), -1);
    BADDOM(virDomainGetSchedulerType(NULL, &n), NULL);
    BADDOM(virDomainBlockStats(NULL, "vda", &bstats, sizeof(bstats)), -1);
    BADDOM(virDomainInterfaceStats(NULL, "eth0", &istats, sizeof(istats)), -1);
    BADDOM(virDomainMemoryStats(NULL, NULL, 0, 0), -1);
    BADDOM(virDomainGetCPUStats(NULL, NULL, 0, 0, 0, 0), -1);
    BADDOM(virDomainGetBlockIoTune(NULL, NULL, NULL, &n, 0), -1);
    BADDOM(virDomainBlockRebase(NULL, "vda", NULL, 0, 0), -1);
    BADDOM(virDomainOpenConsole(NULL, NULL, NULL, 0), -1);
    BADDOM(virDomainOpenChannel(NULL, NULL, NULL, 0), -1);
    BADDOM(virDomainScreenshot(NULL, NULL, 0, 0), NULL);
    BADDOM(virDomainOpenGraphics(NULL, 0, 0, 0), -1);
    BADDOM(virDomainOpenGraphicsFD(NULL, 0, 0), -1);
    BADDOM(virDomainSendKey(NULL, 0, 0, keys, 1, 0), -1);
    BADDOM(virDomainGetMetadata(NULL, 0, NULL, 0), NULL);
    BADDOM(virDomainSetMetadata(NULL, 0, NULL, NULL, NULL, 0), -1);
    BADDOM(virDomainCreateWithFiles(NULL, 0, NULL, 0), -1);
    BADDOM(virDomainFDAssociate(NULL, "x", 1, (int *)keys, 0), -1);
    BADDOM(virDomainGetFSInfo(NULL, NULL, 0), -1);
    BADDOM(virDomainGetIOThreadInfo(NULL, NULL, 0), -1);
    BADDOM(virDomainInterfaceAddresses(NULL, NULL, 0, 0), -1);
    BADDOM(virDomainAuthorizedSSHKeysSet(NULL, "root", NULL, 0, 0), -1);
    BADDOM(virDomainGetPerfEvents(NULL, NULL, NULL, 0), -1);
    BADDOM(virDomainSetPerfEvents(NULL, NULL, 0, 0), -1);
    BADDOM(virDomainSetLifecycleAction(NULL, 0, 0, 0), -1);
    BADDOM(virDomainGetLaunchSecurityInfo(NULL, NULL, NULL, 0), -1);
    BADDOM(virDomainSetLaunchSecurityState(NULL, NULL, 0, 0), -1);
    BADDOM(virDomainGetGuestInfo(NULL, 0, NULL, NULL, 0), -1);
    BADDOM(virDomainMigrate(NULL, conn, 0, NULL, NULL, 0), NULL);
    BADDOM(virDomainMigrate2(NULL, conn, NULL, 0, NULL, NULL, 0), NULL);
    BADDOM(virDomainMigrate3(NULL, conn, NULL, 0, 0), NULL);
    BADDOM(virDomainMigrateToURI(NULL, "x", 0, NULL, 0), -1);
    BADDOM(virDomainMigrateToURI2(NULL, "x", NULL, NULL, 0, NULL, 0), -1);
    BADDOM(virDomainMigrateToURI3(NULL, "x", NULL, 0, 0), -1);
    BADDOM(virDomainListGetStats(doms, 0, &records, 0), -1);
    BADDOM(virConnectDomainEventRegisterAny(conn, notdom, 0,
                                            DUMMY_CB(virConnectDomainEventGenericCallback),
                                            NULL, NULL), -1);
    ASSERT_ERR(virDomainCheckpointLookupByName(NULL, "c", 0), NULL,
               VIR_ERR_INVALID_DOMAIN, VIR_FROM_DOM);
    ASSERT_ERR(virDomainSnapshotCurrent(NULL, 0), NULL,
               VIR_ERR_INVALID_DOMAIN, VIR_FROM_DOM);

    /* Connection arguments report in the domain error domain. */
    ASSERT_ERR(virDomainCreateLinux(NULL, "<domain/>", 0), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    ASSERT_ERR(virDomainLookupByUUIDString(NULL, "x"), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    ASSERT_ERR(virDomainRestore(NULL, "x"), -1, VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    ASSERT_ERR(virDomainRestoreFlags(NULL, "x", NULL, 0), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    ASSERT_ERR(virDomainSaveImageDefineXML(NULL, "x", "y", 0), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    ASSERT_ERR(virDomainSaveImageGetXMLDesc(NULL, "x", 0), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    ASSERT_ERR(virDomainCreateXMLWithFiles(NULL, "x", 0, NULL, 0), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    ASSERT_ERR(virConnectGetAllDomainStats(NULL, 0, &records, 0), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    ASSERT_ERR(virConnectDomainEventRegisterAny(NULL, NULL, 0, NULL, NULL, NULL), -1,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);

    /* Snapshots and checkpoints have their own error domains. */
    ASSERT_ERR(virDomainSnapshotGetDomain(NULL), NULL,
               VIR_ERR_INVALID_DOMAIN_SNAPSHOT, VIR_FROM_DOMAIN_SNAPSHOT);
    ASSERT_ERR(virDomainSnapshotGetParent((virDomainSnapshotPtr)net, 0), NULL,
               VIR_ERR_INVALID_DOMAIN_SNAPSHOT, VIR_FROM_DOMAIN_SNAPSHOT);
    ASSERT_ERR(virDomainCheckpointGetDomain(NULL), NULL,
               VIR_ERR_INVALID_DOMAIN_CHECKPOINT, VIR_FROM_DOMAIN_CHECKPOINT);
    ASSERT_ERR(virDomainCheckpointGetParent(NULL, 0), NULL,
               VIR_ERR_INVALID_DOMAIN_CHECKPOINT, VIR_FROM_DOMAIN_CHECKPOINT);

    /* The free helpers accept NULL. */
    virDomainStatsRecordListFree(NULL);
    virDomainFSInfoFree(NULL);
    virDomainIOThreadInfoFree(NULL);
    virDomainInterfaceFree(NULL);

    virNetworkFree(net);
    virConnectClose(conn);
}

/* ---- missing and invalid arguments ---- */

static void
testArguments(void)
{
    virConnectPtr conn = openFake(false);
    virConnectPtr ro = openFake(true);
    virConnectPtr other = openFake(false);
    virDomainPtr dom = virGetDomain(conn, "d", fakeUUID, 1);
    virDomainPtr rodom = virGetDomain(ro, "r", fakeUUID, 2);
    virDomainPtr otherdom = virGetDomain(other, "o", fakeUUID, 3);
    virStreamPtr otherst = virStreamNew(other, 0);
    virDomainPtr mixed[] = { dom, otherdom, NULL };
    virDomainPtr nodoms[] = { NULL };
    virDomainStatsRecordPtr *records = NULL;
    virDomainBlockStatsStruct bstats;
    virVcpuInfo vinfo;
    virTypedParameter param;
    virTypedParameterPtr params = NULL;
    unsigned int keys[20] = { 0 };
    unsigned char map[4];
    int n = 1;
    int fds[2];

    memset(&param, 0, sizeof(param));

    g_assert_cmpuint(virDomainGetID(dom), ==, 1);

    /* Memory */
    BADARG(virDomainSetMemory(dom, 0), -1);
    ASSERT_ERR(virDomainSetMaxMemory(dom, 1UL << 62), -1, VIR_ERR_OVERFLOW, VIR_FROM_DOMAIN);
    RO(virDomainSetMemoryFlags(rodom, 1, 0), -1);
    NOSUP(virDomainSetMemoryFlags(dom, 1, 0), -1);
    g_assert_cmpuint(virDomainGetMaxMemory(dom), ==, 1024);

    /* Save, restore, dump */
    BADARG(virDomainSave(dom, NULL), -1);
    RO(virDomainSave(rodom, "x"), -1);
    BADARG(virDomainSaveFlags(dom, "x", NULL,
                              VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED), -1);
    BADARG(virDomainRestore(conn, NULL), -1);
    RO(virDomainRestoreFlags(ro, "x", NULL, 0), -1);
    BADARG(virDomainSaveImageDefineXML(conn, "x", NULL, 0), -1);
    BADARG(virDomainSaveImageGetXMLDesc(conn, NULL, 0), NULL);
    BADARG(virDomainCoreDump(dom, NULL, 0), -1);
    BADARG(virDomainCoreDump(dom, "x", VIR_DUMP_CRASH | VIR_DUMP_LIVE), -1);
    BADARG(virDomainCoreDumpWithFormat(dom, "x", 99, 0), -1);

    /* Relative paths reach the driver absolute. */
    g_assert_cmpint(virDomainSave(dom, "rel/save.img"), ==, 0);
    {
        g_autofree char *cwd = g_get_current_dir();
        g_autofree char *want = g_build_filename(cwd, "rel", "save.img", NULL);

        g_assert_cmpstr(fakeSavedPath, ==, want);
    }

    /* vCPUs and statistics */
    BADARG(virDomainGetVcpus(dom, NULL, 1, NULL, 0), -1);
    BADARG(virDomainGetVcpus(dom, &vinfo, 0, NULL, 0), -1);
    BADARG(virDomainGetVcpus(dom, &vinfo, 1, NULL, 4), -1);
    BADARG(virDomainGetVcpus(dom, &vinfo, 1, map, 0), -1);
    RO(virDomainGetVcpusFlags(rodom, VIR_DOMAIN_VCPU_GUEST), -1);
    BADARG(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG), -1);
    BADARG(virDomainGetVcpuPinInfo(dom, 1, NULL, 1, 0), -1);
    BADARG(virDomainGetVcpuPinInfo(dom, 1, map, 0, 0), -1);
    BADARG(virDomainBlockStats(dom, NULL, &bstats, sizeof(bstats)), -1);
    BADARG(virDomainBlockStats(dom, "vda", NULL, sizeof(bstats)), -1);
    BADARG(virDomainBlockStats(dom, "vda", &bstats, sizeof(bstats) + 1), -1);
    BADARG(virDomainInterfaceStats(dom, NULL, NULL, 0), -1);
    g_assert_cmpint(virDomainMemoryStats(dom, NULL, 0, 0), ==, 0);
    BADARG(virDomainGetCPUStats(dom, NULL, 0, -1, 2, 0), -1);
    BADARG(virDomainGetCPUStats(dom, NULL, 0, -2, 1, 0), -1);
    BADARG(virDomainGetCPUStats(dom, NULL, 1, 0, 1, 0), -1);
    BADARG(virDomainGetCPUStats(dom, &param, 0, 0, 1, 0), -1);
    BADARG(virDomainGetBlockIoTune(dom, "vda", NULL, NULL, 0), -1);
    n = -1;
    BADARG(virDomainGetBlockIoTune(dom, "vda", NULL, &n, 0), -1);
    n = 1;
    BADARG(virDomainGetBlockIoTune(dom, NULL, &param, &n, 0), -1);

    /* The full struct reaches the driver; the caller gets its size. */
    memset(&bstats, 0x55, sizeof(bstats));
    g_assert_cmpint(virDomainBlockStats(dom, "vda", &bstats, sizeof(long long)), ==, 0);
    g_assert_cmpint(bstats.rd_req, ==, 11);
    g_assert_cmpint(bstats.rd_bytes, ==, 0x5555555555555555LL);

    BADARG(virDomainBlockRebase(dom, NULL, NULL, 0, 0), -1);
    BADARG(virDomainBlockRebase(dom, "vda", NULL, 0, VIR_DOMAIN_BLOCK_REBASE_COPY), -1);
    BADARG(virDomainBlockRebase(dom, "vda", NULL, 0, VIR_DOMAIN_BLOCK_REBASE_SHALLOW), -1);

    /* Streams, graphics, keys */
    ASSERT_ERR(virDomainOpenConsole(dom, NULL, NULL, 0), -1,
               VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS);
    BADARG(virDomainOpenConsole(dom, NULL, otherst, 0), -1);
    BADARG(virDomainOpenChannel(dom, NULL, otherst, 0), -1);
    BADARG(virDomainScreenshot(dom, otherst, 0, 0), NULL);
    BADARG(virDomainOpenGraphics(dom, 0, -1, 0), -1);
    g_assert_cmpint(pipe(fds), ==, 0);
    BADARG(virDomainOpenGraphics(dom, 0, fds[0], 0), -1);
    close(fds[0]);
    close(fds[1]);
    g_assert_cmpint(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), ==, 0);
    ASSERT_ERR(virDomainOpenGraphics(dom, 0, fds[0], 0), -1,
               VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_DOMAIN);
    close(fds[0]);
    close(fds[1]);
    ASSERT_ERR(virDomainOpenGraphicsFD(dom, 0, 0), -1,
               VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_DOMAIN);
    BADARG(virDomainSendKey(dom, 0, 0, NULL, 1, 0), -1);
    BADARG(virDomainSendKey(dom, 0, 0, keys, 0, 0), -1);
    BADARG(virDomainSendKey(dom, 99, 0, keys, 1, 0), -1);
    BADARG(virDomainSendKey(dom, 0, 0, keys, 17, 0), -1);

    /* Metadata */
    BADARG(virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, NULL, 0), NULL);
    BADARG(virDomainGetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "u", 0), NULL);
    BADARG(virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_TITLE, "a\nb", NULL, NULL, 0), -1);
    BADARG(virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, "<a/>", NULL, "u", 0), -1);
    RO(virDomainSetMetadata(rodom, 0, NULL, NULL, NULL, 0), -1);

    /* Files and fds */
    ASSERT_ERR(virDomainCreateWithFiles(dom, 1, fds, 0), -1,
               VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_DOMAIN);
    BADARG(virDomainCreateXMLWithFiles(conn, NULL, 0, NULL, 0), NULL);
    ASSERT_ERR(virDomainFDAssociate(dom, "x", 1, fds, 0), -1,
               VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_DOMAIN);
    fakeFeatures[VIR_DRV_FEATURE_FD_PASSING] = 1;
    BADARG(virDomainFDAssociate(dom, "x", 0, fds, 0), -1);
    BADARG(virDomainFDAssociate(dom, "x", 1, NULL, 0), -1);
    NOSUP(virDomainFDAssociate(dom, "x", 1, fds, 0), -1);
    fakeFeatures[VIR_DRV_FEATURE_FD_PASSING] = 0;

    /* Lists and stats */
    BADARG(virDomainGetFSInfo(dom, NULL, 0), -1);
    RO(virDomainGetFSInfo(rodom, NULL, 0), -1);
    BADARG(virDomainGetIOThreadInfo(dom, NULL, 0), -1);
    BADARG(virDomainInterfaceAddresses(dom, NULL, 0, 0), -1);
    BADARG(virDomainAuthorizedSSHKeysSet(dom, NULL, NULL, 0, 0), -1);
    BADARG(virDomainAuthorizedSSHKeysSet(dom, "root", NULL, 0,
                                         VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND), -1);
    BADARG(virConnectGetAllDomainStats(conn, 0, NULL, 0), -1);
    NOSUP(virConnectGetAllDomainStats(conn, 0, &records, 0), -1);
    BADARG(virDomainListGetStats(NULL, 0, &records, 0), -1);
    BADARG(virDomainListGetStats(nodoms, 0, &records, 0), -1);
    BADARG(virDomainListGetStats(mixed, 0, NULL, 0), -1);

    /* Typed-parameter calls */
    BADARG(virDomainGetPerfEvents(dom, NULL, &n, 0), -1);
    BADARG(virDomainGetPerfEvents(dom, &params, NULL, 0), -1);
    BADARG(virDomainSetPerfEvents(dom, NULL, 1, 0), -1);
    BADARG(virDomainSetPerfEvents(dom, &param, 0, 0), -1);
    BADARG(virDomainSetLifecycleAction(dom, 9, 0, 0), -1);
    BADARG(virDomainSetLifecycleAction(dom, 0, 99, 0), -1);
    BADARG(virDomainGetLaunchSecurityInfo(dom, NULL, &n, 0), -1);
    BADARG(virDomainSetLaunchSecurityState(dom, NULL, 1, 0), -1);
    BADARG(virDomainGetGuestInfo(dom, 0, NULL, &n, 0), -1);
    RO(virDomainGetGuestInfo(rodom, 0, &params, &n, 0), -1);

    /* Events */
    BADARG(virConnectDomainEventRegisterAny(conn, otherdom, 0,
                                            DUMMY_CB(virConnectDomainEventGenericCallback),
                                            NULL, NULL), -1);
    BADARG(virConnectDomainEventRegisterAny(conn, dom, 0, NULL, NULL, NULL), -1);
    BADARG(virConnectDomainEventRegisterAny(conn, dom, -1,
                                            DUMMY_CB(virConnectDomainEventGenericCallback),
                                            NULL, NULL), -1);
    BADARG(virConnectDomainEventRegisterAny(conn, dom, VIR_DOMAIN_EVENT_ID_LAST,
                                            DUMMY_CB(virConnectDomainEventGenericCallback),
                                            NULL, NULL), -1);

    /* Lookups */
    BADARG(virDomainLookupByUUIDString(conn, NULL), NULL);
    BADARG(virDomainLookupByUUIDString(conn, "zz"), NULL);

    /* Snapshots and checkpoints */
    ASSERT_ERR(virDomainCheckpointLookupByName(dom, NULL, 0), NULL,
               VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN_CHECKPOINT);
    ASSERT_ERR(virDomainCheckpointLookupByName(dom, "c", 0), NULL,
               VIR_ERR_NO_SUPPORT, VIR_FROM_DOMAIN_CHECKPOINT);
    ASSERT_ERR(virDomainSnapshotCurrent(dom, 0), NULL,
               VIR_ERR_NO_SUPPORT, VIR_FROM_DOMAIN_SNAPSHOT);

    virObjectUnref(otherst);
    virDomainFree(dom);
    virDomainFree(rodom);
    virDomainFree(otherdom);
    virConnectClose(conn);
    virConnectClose(ro);
    virConnectClose(other);
}

/* ---- migration ---- */

static void
testMigration(void)
{
    virConnectPtr conn = openFake(false);
    virConnectPtr ro = openFake(true);
    virConnectPtr dconn = openFake(false);
    virDomainPtr dom = virGetDomain(conn, "d", fakeUUID, 1);
    virDomainPtr ddom;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;

    RO(virDomainMigrate(dom, ro, 0, NULL, NULL, 0), NULL);
    ASSERT_ERR(virDomainMigrate(dom, NULL, 0, NULL, NULL, 0), NULL,
               VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN);
    BADARG(virDomainMigrate(dom, dconn, VIR_MIGRATE_NON_SHARED_DISK |
                            VIR_MIGRATE_NON_SHARED_INC, NULL, NULL, 0), NULL);
    BADARG(virDomainMigrate2(dom, dconn, NULL,
                             VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES, NULL, NULL, 0), NULL);
    ASSERT_ERR(virDomainMigrate(dom, dconn, VIR_MIGRATE_OFFLINE, NULL, NULL, 0), NULL,
               VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_DOMAIN);
    NOSUP(virDomainMigrate(dom, dconn, VIR_MIGRATE_PEER2PEER, NULL, NULL, 0), NULL);
    ASSERT_ERR(virDomainMigrate(dom, dconn, VIR_MIGRATE_TUNNELLED, NULL, NULL, 0), NULL,
               VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN);
    NOSUP(virDomainMigrate(dom, dconn, 0, NULL, NULL, 0), NULL);
    BADARG(virDomainMigrate3(dom, dconn, NULL, 0, VIR_MIGRATE_PEER2PEER), NULL);
    BADARG(virDomainMigrate3(dom, dconn, NULL, 0, VIR_MIGRATE_TUNNELLED), NULL);

    BADARG(virDomainMigrateToURI(dom, NULL, 0, NULL, 0), -1);
    ASSERT_ERR(virDomainMigrateToURI(dom, "qemu+ssh://h/system", VIR_MIGRATE_PEER2PEER, NULL, 0), -1,
               VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_DOMAIN);
    ASSERT_ERR(virDomainMigrateToURI3(dom, NULL, NULL, 0, 0), -1,
               VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_DOMAIN);

    fakeFeatures[VIR_DRV_FEATURE_MIGRATION_P2P] = 1;
    fakeFeatures[VIR_DRV_FEATURE_MIGRATION_PARAMS] = 1;
    BADARG(virDomainMigrateToURI2(dom, NULL, NULL, NULL, VIR_MIGRATE_PEER2PEER, NULL, 0), -1);
    BADARG(virDomainMigrateToURI3(dom, "qemu:///system", NULL, 0, VIR_MIGRATE_PEER2PEER), -1);
    BADARG(virDomainMigrateToURI3(dom, "qemu+ssh://localhost/system", NULL, 0,
                                  VIR_MIGRATE_PEER2PEER), -1);

    /* Peer to peer: one Perform3Params call naming the destination. */
    fakeSteps = g_string_new(NULL);
    g_assert_cmpint(virDomainMigrateToURI3(dom, "qemu+ssh://h/system", NULL, 0,
                                           VIR_MIGRATE_PEER2PEER), ==, 0);
    g_assert_cmpstr(fakeSteps->str, ==, "perform(qemu+ssh://h/system,<null>) ");
    g_string_free(fakeSteps, TRUE);

    /* Managed protocol 3 with parameters: the five steps in order, the
     * destination's URI and the source's XML and name passed along. */
    fakeSteps = g_string_new(NULL);
    virTypedParamsAddULLong(&params, &nparams, &maxparams,
                            VIR_MIGRATE_PARAM_BANDWIDTH, 10);
    ddom = virDomainMigrate3(dom, dconn, params, nparams, 0);
    g_assert_nonnull(ddom);
    g_assert_cmpstr(virDomainGetName(ddom), ==, "d");
    g_assert_cmpstr(fakeSteps->str, ==,
                    "begin prepare(c1,<domain/>) perform(<null>,tcp:dst) "
                    "finish(d,0) confirm(0)");
    /* The caller's array is left alone. */
    g_assert_cmpint(nparams, ==, 1);
    g_string_free(fakeSteps, TRUE);
    fakeSteps = NULL;
    virDomainFree(ddom);
    virTypedParamsFree(params, nparams);
    fakeFeatures[VIR_DRV_FEATURE_MIGRATION_P2P] = 0;
    fakeFeatures[VIR_DRV_FEATURE_MIGRATION_PARAMS] = 0;

    virDomainFree(dom);
    virConnectClose(conn);
    virConnectClose(ro);
    virConnectClose(dconn);
}

int
main(int argc, char **argv)
{
    if (fakeTestInit(&argc, &argv, &fakeConnectDriver, "vireodom:///") < 0)
        return 1;

    g_test_add_func("/domain/invalid-objects", testInvalidObjects);
    g_test_add_func("/domain/arguments", testArguments);
    g_test_add_func("/domain/migration", testMigration);
    return g_test_run();
}
