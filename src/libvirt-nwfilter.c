/*
 * libvirt-nwfilter.c: the hand-written public entry points for network
 * filters and filter bindings.
 *
 * The rest is generated from src/api/libvirt-nwfilter.api; these parse a
 * UUID string or read the binding object itself.
 */
#include "internal.h"
#include "datatypes.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

VIR_LOG_INIT("libvirt.nwfilter");


const char *
virNWFilterBindingGetFilterName(virNWFilterBindingPtr binding)
{
    VIR_DEBUG("binding=%p", (void *)binding);

    virResetLastError();

    virCheckNWFilterBindingReturn(binding, NULL);

    return binding->filtername;
}

const char *
virNWFilterBindingGetPortDev(virNWFilterBindingPtr binding)
{
    VIR_DEBUG("binding=%p", (void *)binding);

    virResetLastError();

    virCheckNWFilterBindingReturn(binding, NULL);

    return binding->portdev;
}
