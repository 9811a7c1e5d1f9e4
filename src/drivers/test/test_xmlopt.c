/*
 * test_xmlopt.c: the test driver's domain parser options.
 *
 * PLACEHOLDER: no driver defaults applied yet.
 */
#include "test_xmlopt.h"

static const virDomainXMLOption testXMLOption = {NULL, NULL};

const virDomainXMLOption *
testDriverDomainXMLOption(void)
{
    return &testXMLOption;
}
