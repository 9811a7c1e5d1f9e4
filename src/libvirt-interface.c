/*
 * libvirt-interface.c: the hand-written public entry points for host
 * network interfaces.
 *
 * Everything else about interfaces is generated from
 * src/api/libvirt-interface.api; only the MAC accessor, which reads the
 * object itself instead of asking a driver, is written here.
 */
#include "internal.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_INTERFACE

VIR_LOG_INIT("libvirt.interface");

const char *
virInterfaceGetMACString(virInterfacePtr iface)
{
    VIR_DEBUG("iface=%p", (void *)iface);

    virResetLastError();

    virCheckInterfaceReturn(iface, NULL);

    return iface->mac;
}
