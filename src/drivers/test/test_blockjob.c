/*
 * test_blockjob.c: block jobs that progress over time and can be queried, throttled and aborted.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainBlockJobSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
