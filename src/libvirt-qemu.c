/*
 * libvirt-qemu.c: the hand-written entry points of libvirt-qemu, the
 * QEMU-specific companion library.
 *
 * These calls reach past libvirt's model into QEMU itself (raw monitor
 * commands, attaching to a QEMU started elsewhere, raw monitor events);
 * they go to the hypervisor driver's QEMU slots.  The simpler ones are
 * generated from src/api/libvirt-qemu.api.
 */
#include <sys/types.h>

#include "internal.h"
#include "datatypes.h"
#include "driver.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("libvirt-qemu");

int
virDomainQemuMonitorCommandWithFiles(virDomainPtr domain, const char *cmd,
                                     unsigned int ninfiles, int *infiles,
                                     unsigned int *noutfiles, int **outfiles,
                                     char **result, unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("domain=%p, cmd=%s, ninfiles=%u, infiles=%p, noutfiles=%p, "
              "outfiles=%p, result=%p, flags=0x%x", (void *)domain,
              NULLSTR(cmd), ninfiles, (void *)infiles, (void *)noutfiles,
              (void *)outfiles, (void *)result, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckNonNullArgGoto(cmd, error);

    /* Passing descriptors either way needs a connection that can carry
     * them (a local one, or a UNIX socket to the daemon). */
    if (ninfiles > 0 || outfiles) {
        int rc = virDrvSupportsFeature(conn, VIR_DRV_FEATURE_FD_PASSING);

        if (rc <= 0) {
            if (rc == 0)
                virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                               "fd passing is not supported by this connection");
            goto error;
        }
    }

    virCheckNonNullArgGoto(result, error);
    virCheckReadOnlyGoto(conn->flags, error);

    if (conn->driver && conn->driver->domainQemuMonitorCommandWithFiles) {
        int ret;

        ret = conn->driver->domainQemuMonitorCommandWithFiles(domain, cmd,
                                                              ninfiles, infiles,
                                                              noutfiles, outfiles,
                                                              result, flags);
        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}

virDomainPtr
virDomainQemuAttach(virConnectPtr conn, unsigned int pid_value,
                    unsigned int flags)
{
    pid_t pid = pid_value;

    VIR_DEBUG("conn=%p, pid=%u, flags=0x%x", (void *)conn, pid_value, flags);

    virResetLastError();

    virCheckConnectReturn(conn, NULL);
    virCheckNonZeroArgGoto(pid_value, error);
    /* A value pid_t cannot hold cannot name a process. */
    if ((unsigned int)pid != pid_value) {
        virReportInvalidArg(pid_value, "pid_value in %s is too large",
                            __func__);
        goto error;
    }

    virCheckReadOnlyGoto(conn->flags, error);

    if (conn->driver && conn->driver->domainQemuAttach) {
        virDomainPtr ret = conn->driver->domainQemuAttach(conn, pid_value, flags);

        if (!ret)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return NULL;
}

int
virConnectDomainQemuMonitorEventRegister(virConnectPtr conn, virDomainPtr dom,
                                         const char *event,
                                         virConnectDomainQemuMonitorEventCallback cb,
                                         void *opaque, virFreeCallback freecb,
                                         unsigned int flags)
{
    VIR_DEBUG("conn=%p, dom=%p, event=%s, cb=%p, opaque=%p, freecb=%p, "
              "flags=0x%x", (void *)conn, (void *)dom, NULLSTR(event),
              (void *)cb, opaque, (void *)freecb, flags);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    if (dom) {
        virCheckDomainGoto(dom, error);
        if (dom->conn != conn) {
            virReportInvalidArg(dom, "domain '%s' in %s must match connection",
                                dom->name, __func__);
            goto error;
        }
    }
    virCheckNonNullArgGoto(cb, error);
    virCheckReadOnlyGoto(conn->flags, error);

    if (conn->driver && conn->driver->connectDomainQemuMonitorEventRegister) {
        int ret;

        ret = conn->driver->connectDomainQemuMonitorEventRegister(conn, dom,
                                                                  event, cb,
                                                                  opaque, freecb,
                                                                  flags);
        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}
