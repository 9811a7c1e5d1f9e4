/*
 * test_domain_stats.c: domain statistics: block, interface, memory, CPU and the bulk stats calls.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainStatsSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
