/*
 * test_domain_tune.c: memory, vCPU, pinning, scheduler and tuning parameters of domains.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainTuneSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
