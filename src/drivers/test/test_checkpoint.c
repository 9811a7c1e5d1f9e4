/*
 * test_checkpoint.c: domain checkpoints.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainCheckpointSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
