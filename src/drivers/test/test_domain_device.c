/*
 * test_domain_device.c: attaching, detaching and updating domain devices, live and in the configuration.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainDeviceSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
