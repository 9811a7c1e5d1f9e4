/*
 * libvirt-host.c: the hand-written connection and host entry points.
 *
 * Most host calls are generated from src/api/libvirt-host.api; the ones
 * here have behaviour the description cannot state: answers the library
 * gives itself when the driver has none (the URI, the library version,
 * the driver's name) and close callbacks kept on the connection.  Errors are reported in the domain upstream uses for this file.
 */
#include "datatypes.h"
#include "driver.h"
#include "util/viruri.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("libvirt.host");

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
