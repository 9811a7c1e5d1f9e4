/*
 * libvirt-event.c: the public entry points that install and run the
 * default event loop.  The loop itself, and the virEventAddHandle() family
 * that dispatches to whichever loop is registered, are in util/virevent.c
 * so that library-internal code can use them without the public layer.
 */
#include "internal.h"
#include "util/virevent.h"

#define VIR_FROM_THIS VIR_FROM_EVENT

VIR_LOG_INIT("libvirt.event");

int
virEventRegisterDefaultImpl(void)
{
    VIR_DEBUG("registering default event implementation");
    if (virInitialize() < 0)
        return -1;
    virResetLastError();
    virEventGLibRegister();
    return 0;
}

int
virEventRunDefaultImpl(void)
{
    VIR_DEBUG("running default event implementation");
    virResetLastError();
    return virEventGLibRunOnce();
}
