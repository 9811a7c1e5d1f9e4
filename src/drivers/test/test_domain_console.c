/*
 * test_domain_console.c: consoles and screenshots of domains, as streams.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainConsoleSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
