/*
 * test_interface.c: host interfaces and their change transactions.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

virInterfaceDriver testInterfaceDriver = {
    .name = "Test",
};
