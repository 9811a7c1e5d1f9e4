/*
 * test_nodedev.c: node devices: the default tree, lookups by capability, virtual devices.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

virNodeDeviceDriver testNodeDeviceDriver = {
    .name = "Test",
};
