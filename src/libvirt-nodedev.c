/*
 * libvirt-nodedev.c: the hand-written public entry points for host node
 * devices.
 *
 * The rest is generated from src/api/libvirt-nodedev.api.  Written here:
 * the parent lookup, which caches its answer in the object; create and
 * define, whose checks run in an order the generator does not produce;
 * event registration, which checks the device against the connection; and
 * the active-state query.
 */
/* The event-ID range checks need the public enums' _LAST sentinels. */
#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif
#include "internal.h"
#include "datatypes.h"
#include "driver.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

VIR_LOG_INIT("libvirt.nodedev");

const char *
virNodeDeviceGetParent(virNodeDevicePtr dev)
{
    VIR_DEBUG("dev=%p, conn=%p", (void *)dev,
              dev ? (void *)dev->conn : NULL);

    virResetLastError();

    virCheckNodeDeviceReturn(dev, NULL);

    if (!dev->parentName) {
        virNodeDeviceDriver *drv = dev->conn->nodeDeviceDriver;

        if (!drv || !drv->nodeDeviceGetParent) {
            virReportUnsupportedError();
            virDispatchError(dev->conn);
            return NULL;
        }
        /* As upstream's slot: the driver hands over a newly allocated
         * string (or NULL for a device without parent); the object keeps
         * it and frees it when disposed. */
        dev->parentName = (char *)drv->nodeDeviceGetParent(dev);
    }
    return dev->parentName;
}

virNodeDevicePtr
virNodeDeviceCreateXML(virConnectPtr conn, const char *xmlDesc,
                       unsigned int flags)
{
    VIR_DEBUG("conn=%p, xmlDesc=%s, flags=0x%x", (void *)conn,
              NULLSTR(xmlDesc), flags);

    virResetLastError();

    virCheckConnectReturn(conn, NULL);
    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(xmlDesc, error);

    if (conn->nodeDeviceDriver && conn->nodeDeviceDriver->nodeDeviceCreateXML) {
        virNodeDevicePtr dev;

        dev = conn->nodeDeviceDriver->nodeDeviceCreateXML(conn, xmlDesc, flags);
        if (!dev)
            goto error;
        return dev;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return NULL;
}

virNodeDevicePtr
virNodeDeviceDefineXML(virConnectPtr conn, const char *xmlDesc,
                       unsigned int flags)
{
    VIR_DEBUG("conn=%p, xmlDesc=%s, flags=0x%x", (void *)conn,
              NULLSTR(xmlDesc), flags);

    virResetLastError();

    virCheckConnectReturn(conn, NULL);
    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(xmlDesc, error);

    if (conn->nodeDeviceDriver && conn->nodeDeviceDriver->nodeDeviceDefineXML) {
        virNodeDevicePtr dev;

        dev = conn->nodeDeviceDriver->nodeDeviceDefineXML(conn, xmlDesc, flags);
        if (!dev)
            goto error;
        return dev;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return NULL;
}

int
virConnectNodeDeviceEventRegisterAny(virConnectPtr conn, virNodeDevicePtr dev,
                                     int eventID,
                                     virConnectNodeDeviceEventGenericCallback cb,
                                     void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, nodeDevice=%p, eventID=%d, cb=%p, opaque=%p, "
              "freecb=%p", (void *)conn, (void *)dev, eventID, (void *)cb,
              opaque, (void *)freecb);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    if (dev) {
        virCheckNodeDeviceGoto(dev, error);
        if (dev->conn != conn) {
            virReportInvalidArg(dev,
                                "node device '%s' in %s must match connection",
                                dev->name, __func__);
            goto error;
        }
    }
    virCheckNonNullArgGoto(cb, error);
    virCheckNonNegativeArgGoto(eventID, error);

    if (eventID >= VIR_NODE_DEVICE_EVENT_ID_LAST) {
        virReportInvalidArg(eventID, "eventID in %s must be less than %d",
                            __func__, VIR_NODE_DEVICE_EVENT_ID_LAST);
        goto error;
    }

    if (conn->nodeDeviceDriver &&
        conn->nodeDeviceDriver->connectNodeDeviceEventRegisterAny) {
        int ret;

        ret = conn->nodeDeviceDriver->connectNodeDeviceEventRegisterAny(conn, dev,
                                                                        eventID,
                                                                        cb, opaque,
                                                                        freecb);
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
virNodeDeviceIsActive(virNodeDevicePtr dev)
{
    VIR_DEBUG("dev=%p", (void *)dev);

    virResetLastError();

    virCheckNodeDeviceReturn(dev, -1);

    if (dev->conn->nodeDeviceDriver &&
        dev->conn->nodeDeviceDriver->nodeDeviceIsActive) {
        int ret = dev->conn->nodeDeviceDriver->nodeDeviceIsActive(dev);

        if (ret < 0)
            goto error;
        return ret;
    }

    virReportUnsupportedError();

 error:
    virDispatchError(dev->conn);
    return -1;
}
