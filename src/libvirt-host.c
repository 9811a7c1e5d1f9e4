/*
 * libvirt-host.c: the hand-written connection and host entry points.
 *
 * Most host calls are generated from src/api/libvirt-host.api; the ones
 * here have behaviour the description cannot state: answers the library
 * gives itself (the URI, the library version, the driver's name), close
 * callbacks kept on the connection, and argument checks with special
 * wording.  Errors are reported in the domain upstream uses for this file.
 */
#include "datatypes.h"
#include "driver.h"
#include "util/viruri.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("libvirt.host");

int
virConnectRef(virConnectPtr conn)
{
    VIR_DEBUG("conn=%p", (void *)conn);

    virResetLastError();
    virCheckConnectReturn(conn, -1);

    virObjectRef(conn);
    return 0;
}

const char *
virConnectGetType(virConnectPtr conn)
{
    VIR_DEBUG("conn=%p", (void *)conn);

    virResetLastError();
    virCheckConnectReturn(conn, NULL);

    if (conn->driver->connectGetType) {
        const char *ret = conn->driver->connectGetType(conn);

        if (ret)
            return ret;
    }
    return conn->driver->name;
}

int
virConnectGetLibVersion(virConnectPtr conn, unsigned long *libVer)
{
    VIR_DEBUG("conn=%p, libVer=%p", (void *)conn, (void *)libVer);

    virResetLastError();
    virCheckConnectReturn(conn, -1);
    virCheckNonNullArgGoto(libVer, error);

    /* A remote driver answers with the daemon's library version. */
    if (conn->driver->connectGetLibVersion) {
        int ret = conn->driver->connectGetLibVersion(conn, libVer);

        if (ret < 0)
            goto error;
        return ret;
    }

    *libVer = VIREO_API_VERSION_NUMBER;
    return 0;

error:
    virDispatchError(conn);
    return -1;
}

char *
virConnectGetURI(virConnectPtr conn)
{
    char *name;

    VIR_DEBUG("conn=%p", (void *)conn);

    virResetLastError();
    virCheckConnectReturn(conn, NULL);

    if (!conn->uri) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "connection has no URI");
        goto error;
    }
    if (!(name = virURIFormat(conn->uri)))
        goto error;
    return name;

error:
    virDispatchError(conn);
    return NULL;
}

int
virConnectCompareCPU(virConnectPtr conn, const char *xmlDesc,
                     unsigned int flags)
{
    VIR_DEBUG("conn=%p, xmlDesc=%s, flags=0x%x", (void *)conn, NULLSTR(xmlDesc),
              flags);

    virResetLastError();
    virCheckConnectReturn(conn, VIR_CPU_COMPARE_ERROR);
    virCheckNonNullArgGoto(xmlDesc, error);

    if (conn->driver->connectCompareCPU) {
        int ret = conn->driver->connectCompareCPU(conn, xmlDesc, flags);

        if (ret == VIR_CPU_COMPARE_ERROR)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

error:
    virDispatchError(conn);
    return VIR_CPU_COMPARE_ERROR;
}

int
virConnectCompareHypervisorCPU(virConnectPtr conn, const char *emulator,
                               const char *arch, const char *machine,
                               const char *virttype, const char *xmlCPU,
                               unsigned int flags)
{
    VIR_DEBUG("conn=%p, emulator=%s, arch=%s, machine=%s, virttype=%s, "
              "xmlCPU=%s, flags=0x%x",
              (void *)conn, NULLSTR(emulator), NULLSTR(arch), NULLSTR(machine),
              NULLSTR(virttype), NULLSTR(xmlCPU), flags);

    virResetLastError();
    virCheckConnectReturn(conn, VIR_CPU_COMPARE_ERROR);
    virCheckNonNullArgGoto(xmlCPU, error);
    virCheckReadOnlyGoto(conn->flags, error);

    if (conn->driver->connectCompareHypervisorCPU) {
        int ret = conn->driver->connectCompareHypervisorCPU(
            conn, emulator, arch, machine, virttype, xmlCPU, flags);

        if (ret == VIR_CPU_COMPARE_ERROR)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

error:
    virDispatchError(conn);
    return VIR_CPU_COMPARE_ERROR;
}

static void
virConnectDebugCPUs(const char **xmlCPUs, unsigned int ncpus)
{
    size_t i;

    if (!xmlCPUs)
        return;
    for (i = 0; i < ncpus; i++)
        VIR_DEBUG("xmlCPUs[%zu]=%s", i, NULLSTR(xmlCPUs[i]));
}

char *
virConnectBaselineCPU(virConnectPtr conn, const char **xmlCPUs,
                      unsigned int ncpus, unsigned int flags)
{
    VIR_DEBUG("conn=%p, xmlCPUs=%p, ncpus=%u, flags=0x%x", (void *)conn,
              (void *)xmlCPUs, ncpus, flags);
    virConnectDebugCPUs(xmlCPUs, ncpus);

    virResetLastError();
    virCheckConnectReturn(conn, NULL);
    virCheckNonNullArgGoto(xmlCPUs, error);

    if (conn->driver->connectBaselineCPU) {
        char *cpu =
            conn->driver->connectBaselineCPU(conn, xmlCPUs, ncpus, flags);

        if (!cpu)
            goto error;
        return cpu;
    }
    virReportUnsupportedError();

error:
    virDispatchError(conn);
    return NULL;
}

char *
virConnectBaselineHypervisorCPU(virConnectPtr conn, const char *emulator,
                                const char *arch, const char *machine,
                                const char *virttype, const char **xmlCPUs,
                                unsigned int ncpus, unsigned int flags)
{
    VIR_DEBUG("conn=%p, emulator=%s, arch=%s, machine=%s, virttype=%s, "
              "xmlCPUs=%p, ncpus=%u, flags=0x%x",
              (void *)conn, NULLSTR(emulator), NULLSTR(arch), NULLSTR(machine),
              NULLSTR(virttype), (void *)xmlCPUs, ncpus, flags);
    virConnectDebugCPUs(xmlCPUs, ncpus);

    virResetLastError();
    virCheckConnectReturn(conn, NULL);
    virCheckNonNullArgGoto(xmlCPUs, error);
    virCheckReadOnlyGoto(conn->flags, error);

    if (conn->driver->connectBaselineHypervisorCPU) {
        char *cpu = conn->driver->connectBaselineHypervisorCPU(
            conn, emulator, arch, machine, virttype, xmlCPUs, ncpus, flags);

        if (!cpu)
            goto error;
        return cpu;
    }
    virReportUnsupportedError();

error:
    virDispatchError(conn);
    return NULL;
}

int
virNodeGetCPUStats(virConnectPtr conn, int cpuNum, virNodeCPUStatsPtr params,
                   int *nparams, unsigned int flags)
{
    VIR_DEBUG("conn=%p, cpuNum=%d, params=%p, nparams=%d, flags=0x%x",
              (void *)conn, cpuNum, (void *)params, nparams ? *nparams : -1,
              flags);

    virResetLastError();
    virCheckConnectReturn(conn, -1);
    virCheckNonNullArgGoto(nparams, error);
    virCheckNonNegativeArgGoto(*nparams, error);
    if (cpuNum < 0 && cpuNum != VIR_NODE_CPU_STATS_ALL_CPUS) {
        virReportInvalidArg(cpuNum,
                            "cpuNum in %s only accepts %d as a negative value",
                            __func__, VIR_NODE_CPU_STATS_ALL_CPUS);
        goto error;
    }

    if (conn->driver->nodeGetCPUStats) {
        int ret =
            conn->driver->nodeGetCPUStats(conn, cpuNum, params, nparams, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

error:
    virDispatchError(conn);
    return -1;
}

int
virNodeGetMemoryStats(virConnectPtr conn, int cellNum,
                      virNodeMemoryStatsPtr params, int *nparams,
                      unsigned int flags)
{
    VIR_DEBUG("conn=%p, cellNum=%d, params=%p, nparams=%d, flags=0x%x",
              (void *)conn, cellNum, (void *)params, nparams ? *nparams : -1,
              flags);

    virResetLastError();
    virCheckConnectReturn(conn, -1);
    virCheckNonNullArgGoto(nparams, error);
    virCheckNonNegativeArgGoto(*nparams, error);
    if (cellNum < 0 && cellNum != VIR_NODE_MEMORY_STATS_ALL_CELLS) {
        /* Upstream names the argument "cpuNum" here; kept for identical
         * error details. */
        virReportInvalidArg(cpuNum,
                            "cellNum in %s only accepts %d as a negative value",
                            __func__, VIR_NODE_MEMORY_STATS_ALL_CELLS);
        goto error;
    }

    if (conn->driver->nodeGetMemoryStats) {
        int ret = conn->driver->nodeGetMemoryStats(conn, cellNum, params,
                                                   nparams, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

error:
    virDispatchError(conn);
    return -1;
}

/*
 * Close callbacks.  A driver that can lose its connection (the remote
 * driver) keeps them itself through its slots.  For the others the
 * callback is kept on the connection, where it can never fire; as with
 * upstream, registering a second one or unregistering a callback that is
 * not registered quietly succeeds.
 */
int
virConnectRegisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb,
                                void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, cb=%p, opaque=%p, freecb=%p", (void *)conn,
              (void *)(intptr_t)cb, opaque, (void *)(intptr_t)freecb);

    virResetLastError();
    virCheckConnectReturn(conn, -1);
    virCheckNonNullArgGoto(cb, error);

    if (conn->driver->connectRegisterCloseCallback) {
        if (conn->driver->connectRegisterCloseCallback(conn, cb, opaque,
                                                       freecb) < 0)
            goto error;
        return 0;
    }

    virObjectLock(conn);
    if (!conn->closeCallback.callback) {
        conn->closeCallback.callback = cb;
        conn->closeCallback.opaque = opaque;
        conn->closeCallback.freeCallback = freecb;
    }
    virObjectUnlock(conn);
    return 0;

error:
    virDispatchError(conn);
    return -1;
}

int
virConnectUnregisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb)
{
    virConnectCloseCallback old = {0};

    VIR_DEBUG("conn=%p, cb=%p", (void *)conn, (void *)(intptr_t)cb);

    virResetLastError();
    virCheckConnectReturn(conn, -1);
    virCheckNonNullArgGoto(cb, error);

    if (conn->driver->connectUnregisterCloseCallback) {
        if (conn->driver->connectUnregisterCloseCallback(conn, cb) < 0)
            goto error;
        return 0;
    }

    virObjectLock(conn);
    if (conn->closeCallback.callback == cb) {
        old = conn->closeCallback;
        memset(&conn->closeCallback, 0, sizeof(conn->closeCallback));
    }
    virObjectUnlock(conn);

    /* Outside the lock: the application's free function may call back
     * into the library. */
    if (old.freeCallback)
        old.freeCallback(old.opaque);
    return 0;

error:
    virDispatchError(conn);
    return -1;
}
