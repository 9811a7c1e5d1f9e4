/*
 * test_secret.c: secrets and their values.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"

virSecretDriver testSecretDriver = {
    .name = "Test",
};
