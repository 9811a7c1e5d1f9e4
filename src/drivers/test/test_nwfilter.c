/*
 * test_nwfilter.c: network filters and filter bindings.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

virNWFilterDriver testNWFilterDriver = {
    .name = "Test",
};
