/*
 * test_domain_guest.c: what a guest agent would answer: hostname, interface addresses, guest info, keys.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

void
testDomainGuestSlots(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
