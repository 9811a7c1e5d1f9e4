/*
 * test_snapshot.c: domain snapshots: the tree of parents, current snapshot, revert and delete.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainSnapshotSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
