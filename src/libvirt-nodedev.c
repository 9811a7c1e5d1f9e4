/*
 * libvirt-nodedev.c: the hand-written public entry point for host node
 * devices.
 *
 * Every other node device call is generated from
 * src/api/libvirt-nodedev.api.  Written here: the parent lookup, which
 * caches the driver's answer in the object and returns it borrowed.
 */
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
