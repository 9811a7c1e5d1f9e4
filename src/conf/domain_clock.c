/*
 * domain_clock.c: <clock offset=...> and its <timer> children.
 *
 * An adjustment on a utc or localtime clock turns it into a variable
 * clock with the matching basis, as upstream does; 'reset' is kept as
 * is.  Post-parse applies upstream's checks of which timer supports
 * which attribute.  Without <clock> the output is <clock offset='utc'/>.
 */
#include "domain_clock.h"
#include "device_info.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainClockOffset, VIR_DOMAIN_CLOCK_OFFSET_LAST,
              "utc", "localtime", "variable", "timezone", "absolute");

VIR_ENUM_IMPL(virDomainClockBasis, VIR_DOMAIN_CLOCK_BASIS_LAST,
              "utc", "localtime");

VIR_ENUM_IMPL(virDomainTimerName, VIR_DOMAIN_TIMER_NAME_LAST,
              "platform", "pit", "rtc", "hpet", "tsc", "kvmclock",
              "hypervclock", "armvtimer");

VIR_ENUM_IMPL(virDomainTimerTrack, VIR_DOMAIN_TIMER_TRACK_LAST,
              "none", "boot", "guest", "wall", "realtime");

VIR_ENUM_IMPL(virDomainTimerTickpolicy, VIR_DOMAIN_TIMER_TICKPOLICY_LAST,
              "none", "delay", "catchup", "merge", "discard");

VIR_ENUM_IMPL(virDomainTimerMode, VIR_DOMAIN_TIMER_MODE_LAST,
              "none", "auto", "native", "emulate", "paravirt", "smpsafe");

virDomainClockDef *
virDomainClockNew(void)
{
    return g_new0(virDomainClockDef, 1);
}

void
virDomainClockFree(virDomainClockDef *clock)
{
    size_t i;

    if (!clock)
        return;
    for (i = 0; i < clock->ntimers; i++)
        g_free(clock->timers[i]);
    g_free(clock->timers);
    g_free(clock->timezone);
    g_free(clock);
}

/* ---- Parsing ---- */

static virDomainTimerDef *
virDomainTimerDefParseXML(xmlNodePtr node)
{
    g_autofree virDomainTimerDef *timer = g_new0(virDomainTimerDef, 1);
    xmlNodePtr catchup;
    int val;

    if (virXMLPropEnum(node, "name", virDomainTimerNameTypeFromString,
                       VIR_XML_PROP_REQUIRED, &val) < 0)
        return NULL;
    timer->name = val;
    if (virXMLPropTristateBool(node, "present", VIR_XML_PROP_NONE,
                               &timer->present) < 0)
        return NULL;
    if (virXMLPropEnum(node, "tickpolicy",
                       virDomainTimerTickpolicyTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return NULL;
    timer->tickpolicy = val;
    if (virXMLPropEnum(node, "track", virDomainTimerTrackTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return NULL;
    timer->track = val;
    if (virXMLPropULongLong(node, "frequency", 10, VIR_XML_PROP_NONE,
                            &timer->frequency) < 0)
        return NULL;
    if (virXMLPropEnum(node, "mode", virDomainTimerModeTypeFromString,
                       VIR_XML_PROP_NONZERO, &val) < 0)
        return NULL;
    timer->mode = val;

    if ((catchup = virXMLChild(node, "catchup")) &&
        (virXMLPropULongLong(catchup, "threshold", 10, VIR_XML_PROP_NONE,
                             &timer->catchupThreshold) < 0 ||
         virXMLPropULongLong(catchup, "slew", 10, VIR_XML_PROP_NONE,
                             &timer->catchupSlew) < 0 ||
         virXMLPropULongLong(catchup, "limit", 10, VIR_XML_PROP_NONE,
                             &timer->catchupLimit) < 0))
        return NULL;
    return g_steal_pointer(&timer);
}

static int
virDomainClockParseOffset(xmlNodePtr node, virDomainClockDef *clock)
{
    g_autofree char *offset = virXMLPropString(node, "offset");
    g_autofree char *adjustment = virXMLPropString(node, "adjustment");
    g_autofree char *adjustment0 = virXMLPropString(node, "adjustment0");
    g_autofree char *basis = virXMLPropString(node, "basis");
    g_autofree char *tzvalue = virXMLPropString(node, "timezone");
    g_autofree char *start = virXMLPropString(node, "start");
    int val;

    if (offset) {
        if ((val = virDomainClockOffsetTypeFromString(offset)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown clock offset '%s'", offset);
            return -1;
        }
        clock->offset = val;
    }

    switch (clock->offset) {
    case VIR_DOMAIN_CLOCK_OFFSET_UTC:
    case VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME:
        if (!adjustment)
            break;
        if (STREQ(adjustment, "reset")) {
            clock->utcReset = true;
            break;
        }
        if (virStrToLong_ll(adjustment, NULL, 10, &clock->adjustment) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unknown clock adjustment '%s'", adjustment);
            return -1;
        }
        clock->basis = clock->offset == VIR_DOMAIN_CLOCK_OFFSET_UTC ?
                       VIR_DOMAIN_CLOCK_BASIS_UTC :
                       VIR_DOMAIN_CLOCK_BASIS_LOCALTIME;
        clock->offset = VIR_DOMAIN_CLOCK_OFFSET_VARIABLE;
        break;

    case VIR_DOMAIN_CLOCK_OFFSET_VARIABLE:
        /* unparsable adjustments count as 0 upstream */
        if (!adjustment ||
            virStrToLong_ll(adjustment, NULL, 10, &clock->adjustment) < 0)
            clock->adjustment = 0;
        if (!adjustment0 ||
            virStrToLong_ll(adjustment0, NULL, 10, &clock->adjustment0) < 0)
            clock->adjustment0 = 0;
        if (basis) {
            if ((val = virDomainClockBasisTypeFromString(basis)) < 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unknown clock basis '%s'", basis);
                return -1;
            }
            clock->basis = val;
        }
        break;

    case VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE:
        if (!tzvalue || !*tzvalue) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing 'timezone' attribute for clock with offset='timezone'");
            return -1;
        }
        clock->timezone = g_steal_pointer(&tzvalue);
        break;

    case VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE:
        if (!start ||
            virStrToLong_ullp(start, NULL, 10, &clock->starttime) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing 'start' attribute for clock with offset='absolute'");
            return -1;
        }
        break;

    case VIR_DOMAIN_CLOCK_OFFSET_LAST:
        break;
    }
    return 0;
}

int
virDomainDefClockParseXML(xmlNodePtr root, virDomainDef *def,
                          unsigned int flags G_GNUC_UNUSED)
{
    virDomainClockDef *clock = def->clock;
    xmlNodePtr node = virXMLChild(root, "clock");
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n;
    size_t i;

    if (!node)
        return 0;
    if (virDomainClockParseOffset(node, clock) < 0)
        return -1;

    n = virXMLChildren(node, "timer", &nodes);
    if (n)
        clock->timers = g_new0(virDomainTimerDef *, n);
    for (i = 0; i < n; i++) {
        virDomainTimerDef *timer = virDomainTimerDefParseXML(nodes[i]);

        if (!timer)
            return -1;
        clock->timers[clock->ntimers++] = timer;
    }
    return 0;
}

int
virDomainDefClockPostParse(virDomainDef *def, unsigned int flags G_GNUC_UNUSED)
{
    size_t i;

    for (i = 0; i < def->clock->ntimers; i++) {
        const virDomainTimerDef *timer = def->clock->timers[i];
        const char *name = virDomainTimerNameTypeToString(timer->name);

        if ((timer->name == VIR_DOMAIN_TIMER_NAME_KVMCLOCK ||
             timer->name == VIR_DOMAIN_TIMER_NAME_HYPERVCLOCK) &&
            timer->tickpolicy) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "timer %s doesn't support setting of timer tickpolicy",
                           name);
            return -1;
        }
        if (timer->tickpolicy != VIR_DOMAIN_TIMER_TICKPOLICY_CATCHUP &&
            (timer->catchupThreshold || timer->catchupLimit ||
             timer->catchupSlew)) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "setting of timer catchup policies is only supported with tickpolicy='catchup'");
            return -1;
        }
        if (timer->name != VIR_DOMAIN_TIMER_NAME_TSC) {
            if (timer->frequency) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "timer %s doesn't support setting of timer frequency",
                               name);
                return -1;
            }
            if (timer->mode) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "timer %s doesn't support setting of timer mode",
                               name);
                return -1;
            }
        }
        if (timer->name != VIR_DOMAIN_TIMER_NAME_PLATFORM &&
            timer->name != VIR_DOMAIN_TIMER_NAME_RTC && timer->track) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "timer %s doesn't support setting of timer track",
                           name);
            return -1;
        }
    }
    return 0;
}

/* ---- Formatting ---- */

static void
virDomainTimerDefFormat(virBuffer *buf, const virDomainTimerDef *timer)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) catchupAttr = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(&attrBuf, " name='%s'",
                      virDomainTimerNameTypeToString(timer->name));
    virDomainTristateBoolAttrFormat(&attrBuf, "present", timer->present);
    if (timer->tickpolicy)
        virBufferAsprintf(&attrBuf, " tickpolicy='%s'",
                          virDomainTimerTickpolicyTypeToString(
                              timer->tickpolicy));
    if (timer->track)
        virBufferAsprintf(&attrBuf, " track='%s'",
                          virDomainTimerTrackTypeToString(timer->track));
    if (timer->name == VIR_DOMAIN_TIMER_NAME_TSC) {
        if (timer->frequency)
            virBufferAsprintf(&attrBuf, " frequency='%llu'",
                              timer->frequency);
        if (timer->mode)
            virBufferAsprintf(&attrBuf, " mode='%s'",
                              virDomainTimerModeTypeToString(timer->mode));
    }

    if (timer->catchupThreshold)
        virBufferAsprintf(&catchupAttr, " threshold='%llu'",
                          timer->catchupThreshold);
    if (timer->catchupSlew)
        virBufferAsprintf(&catchupAttr, " slew='%llu'", timer->catchupSlew);
    if (timer->catchupLimit)
        virBufferAsprintf(&catchupAttr, " limit='%llu'",
                          timer->catchupLimit);
    virXMLFormatElement(&childBuf, "catchup", &catchupAttr, NULL);
    virXMLFormatElement(buf, "timer", &attrBuf, &childBuf);
}

int
virDomainDefClockFormat(virBuffer *buf, const virDomainDef *def,
                        unsigned int flags G_GNUC_UNUSED)
{
    const virDomainClockDef *clock = def->clock;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferAsprintf(&attrBuf, " offset='%s'",
                      virDomainClockOffsetTypeToString(clock->offset));
    switch (clock->offset) {
    case VIR_DOMAIN_CLOCK_OFFSET_UTC:
    case VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME:
        if (clock->utcReset)
            virBufferAddLit(&attrBuf, " adjustment='reset'");
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_VARIABLE:
        virBufferAsprintf(&attrBuf, " adjustment='%lld' basis='%s'",
                          clock->adjustment,
                          virDomainClockBasisTypeToString(clock->basis));
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE:
        virBufferEscapeString(&attrBuf, " timezone='%s'", clock->timezone);
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE:
        virBufferAsprintf(&attrBuf, " start='%llu'", clock->starttime);
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_LAST:
        break;
    }

    for (i = 0; i < clock->ntimers; i++)
        virDomainTimerDefFormat(&childBuf, clock->timers[i]);
    virXMLFormatElement(buf, "clock", &attrBuf, &childBuf);
    return 0;
}
