/*
 * test_domain_save.c: save/restore of domains to real files, managed save and core dumps.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainSaveSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
