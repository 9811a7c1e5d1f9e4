#!/usr/bin/env python3
"""Writes the code the API description drives.

Usage:
  gen_code.py API_DIR tables OUT.h          driver tables (driver-tables.h)
  gen_code.py API_DIR entry LIBRARY OUT.c   generated public entry points
  gen_code.py API_DIR syms LIBRARY OUT      linker version script
  gen_code.py API_DIR list LIBRARY OUT      "symbol version" lines, for tests

Every function without "@manual" gets its entry point here: reset the
thread's error, check the object argument, run the annotated checks in
order, call the driver slot (or report VIR_ERR_NO_SUPPORT), and dispatch
the error on failure.
"""

import os
import re
import sys

import apidesc

# Scalar argument type -> printf format (pointers print as %p).
FORMATS = {
    'int': '%d', 'unsigned int': '%u', 'long': '%ld', 'unsigned long': '%lu',
    'long long': '%lld', 'unsigned long long': '%llu', 'double': '%g',
    'size_t': '%zu', 'ssize_t': '%zd', 'char': '%d', 'unsigned char': '%u',
    'long long int': '%lld', 'unsigned long long int': '%llu',
}

CHECKS = {
    'nonnull': 'virCheckNonNullArgGoto(%s, error);',
    'null': 'virCheckNullArgGoto(%s, error);',
    'nonempty': 'virCheckNonEmptyStringArgGoto(%s, error);',
    'positive': 'virCheckPositiveArgGoto(%s, error);',
    'nonzero': 'virCheckNonZeroArgGoto(%s, error);',
    'zero': 'virCheckZeroArgGoto(%s, error);',
    'nonneg': 'virCheckNonNegativeArgGoto(%s, error);',
}


def write(path, text):
    if os.path.exists(path) and open(path).read() == text:
        return
    with open(path + '.tmp', 'w') as f:
        f.write(text)
    os.replace(path + '.tmp', path)


def is_pointer(ctype):
    return ctype.endswith('*') or ctype.endswith('Ptr') or \
        ctype.endswith('Func') or ctype.endswith('Callback')


def debug_line(fn):
    fmts, vals = [], []
    for t, n in fn.args:
        if n == 'flags' and t == 'unsigned int':
            fmts.append('flags=0x%x')
            vals.append('flags')
        elif t in ('const char *', 'char *') and n not in ('buffer', 'data', 'buf'):
            fmts.append('%s=%%s' % n)
            vals.append('NULLSTR(%s)' % n)
        elif is_pointer(t):
            fmts.append('%s=%%p' % n)
            vals.append('(void *)%s' % n)
        elif t in FORMATS:
            fmts.append('%s=%s' % (n, FORMATS[t]))
            vals.append(n)
        else:
            fmts.append('%s=%%lld' % n)
            vals.append('(long long)%s' % n)
    if not fmts:
        return '    VIR_DEBUG("%s");' % fn.name
    return '    VIR_DEBUG("%s", %s);' % (', '.join(fmts), ', '.join(vals))


def error_value(fn):
    if fn.ret.endswith('*') or fn.ret.endswith('Ptr'):
        return 'NULL'
    failon = fn.first('failon')
    if failon:
        return ' '.join(failon)
    return '-1'


def failed_test(fn):
    if fn.ret.endswith('*') or fn.ret.endswith('Ptr'):
        return '!ret'
    failon = fn.first('failon')
    if failon:
        return 'ret == %s' % ' '.join(failon)
    return 'ret < 0'


def object_of(fn, argname):
    for t, n in fn.args:
        if n == argname:
            return apidesc.OBJECTS[t]
    raise SyntaxError('%s: no argument %s' % (fn.name, argname))


def gen_kind(fn):
    """Accessors every object type has, written once here."""
    obj_t, obj = fn.args[0]
    kind = apidesc.OBJECTS.get(obj_t)
    k = fn.kind
    out = ['%s' % fn.ret, '%s(%s)' % (fn.name, ', '.join(apidesc.join_decl(t, n) for t, n in fn.args)), '{']
    out.append(debug_line(fn))
    out.append('    virResetLastError();')
    if k in ('paramadd', 'paramget'):
        # Typed parameter helpers: one per value type, the same but for
        # the type tag and the union member (see libvirt-common.c).
        w = fn.first('kind')
        ptype, member = w[1], w[2]
        proto = out[:3]
        if k == 'paramadd':
            value = ' '.join(w[3:]) or 'value'
            return proto + [
                '    virTypedParameterPtr p = virTypedParamsAddPrepare(params, nparams, maxparams, name, %s);' % ptype,
                '    if (!p)', '        return -1;',
                '    p->value.%s = %s;' % (member, value),
                '    (*nparams)++;', '    return 0;', '}']
        value = ' '.join(w[3:]) or 'p->value.%s' % member
        return proto + [
            '    virTypedParameterPtr p;',
            '    int rc = virTypedParamsLookup(params, nparams, name, %s, &p);' % ptype,
            '    if (rc == 1 && value)', '        *value = %s;' % value,
            '    return rc;', '}']
    if k == 'alias':
        # An old name kept for compatibility: the newer call does it all.
        out = out[:3] + [debug_line(fn),
                         '    return %s(%s);' % (fn.first('kind')[1], ', '.join(n for _, n in fn.args)),
                         '}']
        return out
    if k == 'lookupuuidstring':
        target = fn.name[:-len('String')]
        w, _, msg = split_ann(fn.first('kind'))
        msg = msg or '"uuidstr in %s must be a valid UUID", __func__'
        out += ['    unsigned char uuid[VIR_UUID_BUFLEN];',
                '    virCheck%sReturn(%s, NULL);' % (kind, obj),
                '    virCheckNonNullArgGoto(uuidstr, error);',
                '    if (virUUIDParse(uuidstr, uuid) < 0) {',
                '        virReportInvalidArg(uuidstr, %s);' % msg,
                '        goto error;',
                '    }',
                '    return %s(%s, uuid);' % (target, obj),
                ' error:', '    virDispatchError(VIR_OBJECT_CONN_%s(%s));' % (kind, obj),
                '    return NULL;', '}']
        # The declaration must come first.
        out.insert(3, out.pop(5))
        return out
    errv = error_value(fn)
    out.append('    virCheck%sReturn(%s, %s);' % (kind, obj, errv))
    conn = 'VIR_OBJECT_CONN_%s(%s)' % (kind, obj)
    if k == 'ref':
        out += ['    virObjectRef(%s);' % obj, '    return 0;', '}']
    elif k == 'free':
        out += ['    virObjectUnref(%s);' % obj, '    return 0;', '}']
    elif k == 'name':
        out += ['    return %s->name;' % obj, '}']
    elif k == 'field':
        # Read from the object itself; a returned object is borrowed.
        out += ['    return %s->%s;' % (obj, fn.first('kind')[1]), '}']
    elif k == 'connect':
        out += ['    return %s;' % conn, '}']
    elif k in ('uuid', 'uuidstring'):
        buf = fn.args[1][1]
        out.append('    virCheckNonNullArgGoto(%s, error);' % buf)
        if k == 'uuid':
            out.append('    memcpy(%s, %s->uuid, VIR_UUID_BUFLEN);' % (buf, obj))
        else:
            out.append('    virUUIDFormat(%s->uuid, %s);' % (obj, buf))
        out += ['    return 0;', ' error:', '    virDispatchError(%s);' % conn,
                '    return -1;', '}']
    else:
        raise SyntaxError('%s: unknown @kind %s' % (fn.name, k))
    return out


def split_ann(words):
    """(words, condition, message) of an annotation: a trailing quoted
    message is kept whole, and "if COND" guards the check."""
    msg = None
    if words and words[-1].startswith('"'):
        msg = words[-1]
        words = words[:-1]
    cond = None
    if 'if' in words:
        i = words.index('if')
        cond = ' '.join(words[i + 1:])
        words = words[:i]
    return words, cond, msg


def guarded(cond, stmts):
    """Statements run only when cond holds (all of them when it is None)."""
    if cond is None:
        return ['    ' + s for s in stmts]
    if len(stmts) == 1:
        return ['    if (%s)' % cond, '        ' + stmts[0]]
    return ['    if (%s) {' % cond] + ['        ' + s for s in stmts] + ['    }']


def report(call, label='error'):
    return [call, 'goto %s;' % label]


def gen_check(fn, k, words, errv):
    """The C lines of one check annotation, or None if k is no check."""
    w, cond, msg = split_ann(words)
    if k in CHECKS:
        return guarded(cond, [CHECKS[k] % w[0]])
    if k == 'nonnullret':
        return guarded(cond, ['virCheckNonNullArgReturn(%s, %s);' % (w[0], errv)])
    if k == 'nonnullarray':
        return guarded(cond, ['virCheckNonNullArrayArgGoto(%s, %s, error);' % (w[0], w[1])])
    if k == 'object':
        return guarded(cond, ['virCheck%sGoto(%s, error);' % (object_of(fn, w[0]), w[0])])
    if k == 'readonly':
        # Objects named after the keyword bring their connection's flags too.
        connflags = ' | '.join(['conn->flags'] + ['%s->conn->flags' % a for a in w])
        return guarded(cond, ['virCheckReadOnlyGoto(%s, error);' % connflags])
    if k == 'exclusive':
        return guarded(cond, ['VIR_EXCLUSIVE_FLAGS_GOTO(%s, %s, error);' % (w[0], w[1])])
    if k == 'exclusiveret':
        # Upstream returns without dispatching the error here.
        return guarded(cond, ['VIR_EXCLUSIVE_FLAGS_RET(%s, %s, %s);' % (w[0], w[1], errv)])
    if k == 'requires':
        return guarded(cond, ['VIR_REQUIRE_FLAG_GOTO(%s, %s, error);' % (w[0], w[1])])
    if k == 'validateset':
        return guarded(cond, ['if (virTypedParamsValidateSet(conn, %s, %s) < 0)' % (w[0], w[1]),
                              '    goto error;'])
    if k == 'stringokay':
        # Strings are offered only to drivers that can carry them.
        return guarded(cond, ['virAPIStringParamsOkayGoto(conn, &flags, error);'])
    if k == 'feature':
        return guarded(cond, ['virAPIRequireFeatureGoto(conn, %s, %s, error);' % (w[0], msg or 'VIR_API_FD_PASSING_MSG')])
    if k == 'socketfd':
        return guarded(cond, ['virAPICheckSocketFDGoto(%s, error);' % w[0]])
    if k == 'denysecure':
        return guarded(cond, ['if ((conn->flags & VIR_CONNECT_RO) && (flags & (%s))) {' % w[0].replace('|', ' | '),
                              '    virReportError(VIR_ERR_OPERATION_DENIED, "%%s", %s);' % msg,
                              '    goto error;', '}'])
    if k == 'invalid':
        return ['    if (%s) {' % cond,
                '        virReportInvalidArg(%s, %s);' % (w[0], msg),
                '        goto error;', '    }']
    if k == 'error':
        return ['    if (%s) {' % cond,
                '        virReportError(%s, %s);' % (w[0], msg),
                '        goto error;', '    }']
    if k == 'reset':
        return guarded(cond, ['*%s = NULL;' % w[0]])
    if k == 'answer':
        return ['    if (%s)' % cond, '        return %s;' % w[0]]
    if k == 'clamp':
        return ['    if (%s > %s)' % (w[0], w[1]), '        %s = %s;' % (w[0], w[1])]
    if k == 'sizecheck':
        return ['    if (%s > sizeof(full)) {' % w[1],
                '        virReportInvalidArg(%s, "size must not exceed %%zu", sizeof(full));' % w[1],
                '        goto error;', '    }']
    return None


PASSIVE = ('since', 'table', 'driver', 'failon', 'clear', 'clearptr',
           'abspath', 'passthrough', 'manual', 'kind')


def gen_call(fn, table, errv):
    """The driver call, with its argument substitutions."""
    args = [n for _, n in fn.args]
    pre, post = [], []
    for k, w in fn.ann:
        if k == 'abspath':
            # Relative paths mean the caller's directory, which the
            # driver (maybe in another process) does not share.
            i = args.index(w[0])
            var = 'abs_%s' % w[0]
            pre += ['g_autofree char *%s = NULL;' % var,
                    'virAPIAbsolutePathGoto(%s, "%s", &%s, error);' % (w[0], w[1], var)]
            args[i] = var
        elif k == 'sizecheck':
            # The driver fills a whole struct; an older caller gets the
            # leading part its size covers.
            args[args.index(w[0])] = '&full'
            args[args.index(w[1])] = 'sizeof(full)'
            post.append('memcpy(%s, &full, %s);' % (w[0], w[1]))
    out = ['    {']
    out += ['        ' + s for s in pre]
    out.append('        %sret = %s->%s(%s);' % (apidesc.join_type(fn.ret), table, fn.slot, ', '.join(args)))
    passthrough = fn.first('passthrough')
    if passthrough:
        # Not failures: would block, hole ahead.
        out.append('        if (%s)' % ' || '.join('ret == %s' % v for v in passthrough))
        out.append('            return ret;')
    out.append('        if (%s)' % failed_test(fn))
    out.append('            goto error;')
    out += ['        ' + s for s in post]
    # A filled stats struct is success whatever the driver counted.
    out.append('        return %s;' % ('0' if fn.has('sizecheck') else 'ret'))
    out.append('    }')
    return out


def gen_entry(fn):
    if fn.kind:
        return gen_kind(fn)
    obj_t, obj = fn.args[0]
    kind = apidesc.OBJECTS.get(obj_t)
    if not kind:
        raise SyntaxError('%s: first argument is not an object; mark it @manual' % fn.name)
    errv = error_value(fn)
    out = ['%s' % fn.ret, '%s(%s)' % (fn.name, ', '.join(apidesc.join_decl(t, n) for t, n in fn.args)), '{']
    if obj != 'conn':
        out.append('    virConnectPtr conn;')
    size = fn.first('sizecheck')
    if size:
        # Fields the driver cannot fill stay -1 (every field is a long long).
        out.append('    %s full;' % size[2])
    out.append(debug_line(fn))
    if size:
        out.append('    memset(&full, -1, sizeof(full));')
    out.append('    virResetLastError();')
    # Output buffers are cleared before anything can fail, as upstream does.
    for k, w in fn.ann:
        if k == 'clear':
            out.append('    if (%s)' % w[0])
            out.append('        memset(%s, 0, sizeof(*%s));' % (w[0], w[0]))
        elif k == 'clearptr':
            out.append('    if (%s)' % w[0])
            out.append('        *%s = NULL;' % w[0])
    out.append('    virCheck%sReturn(%s, %s);' % (kind, obj, errv))
    if obj != 'conn':
        out.append('    conn = VIR_OBJECT_CONN_%s(%s);' % (kind, obj))
    for k, w in fn.ann:
        lines = gen_check(fn, k, w, errv)
        if lines is not None:
            out += lines
        elif k not in PASSIVE:
            raise SyntaxError('%s: unknown annotation @%s' % (fn.name, k))
    struct, member = apidesc.TABLES[fn.table]
    table = '%s->driver' % obj if fn.table == 'stream' else 'conn->%s' % member
    out.append('    if (!%s || !%s->%s) {' % (table, table, fn.slot))
    out.append('        virReportUnsupportedError();')
    out.append('        goto error;')
    out.append('    }')
    out += gen_call(fn, table, errv)
    out.append(' error:')
    out.append('    virDispatchError(conn);')
    out.append('    return %s;' % errv)
    out.append('}')
    return out


def gen_entry_file(headers, library):
    out = ['/* Generated from the src/api descriptions by src/api/gen_code.py: the public',
           ' * entry points whose behaviour the description fully states. */',
           '/* Range checks use the public enums\' _LAST sentinels. */',
           '#define VIR_ENUM_SENTINELS', '',
           '#include "internal.h"', '#include "datatypes.h"', '#include "driver.h"',
           '#include "util/viruuid.h"', '#include "util/virtypedparam.h"',
           '#include "libvirt-api.h"', '',
           'VIR_LOG_INIT("libvirt.api");', '']
    for h in headers.values():
        fns = [f for f in h.functions if f.library == library and not f.manual]
        if not fns:
            continue
        out += ['/* ---- %s ---- */' % h.name, '#undef VIR_FROM_THIS',
                '#define VIR_FROM_THIS %s' % fns[0].errdomain, '']
        for f in fns:
            out += gen_entry(f)
            out.append('')
    return '\n'.join(out)


def read_internal_slots(path):
    """driver-slots.txt: slots no public function maps onto one to one."""
    slots = {}
    table = None
    for lineno, line in enumerate(open(path), 1):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if line.startswith('@table'):
            table = line.split()[1]
            continue
        m = apidesc.PROTO_RE.match(line)
        if not m or not table:
            raise SyntaxError('%s:%d: cannot read slot' % (path, lineno))
        slots.setdefault(table, []).append(
            (m.group('ret').strip(), m.group('name'),
             apidesc.parse_args(m.group('args'), '%s:%d' % (path, lineno))))
    return slots


def gen_tables(headers, apidir):
    internal = read_internal_slots(os.path.join(apidir, 'driver-slots.txt'))
    out = ['/* Generated by src/api/gen_code.py: one struct per driver table.',
           ' * A slot per public function that calls a driver (same name minus',
           ' * "vir", same signature), plus the internal slots of',
           ' * src/api/driver-slots.txt.  A NULL slot means "not supported". */',
           '#pragma once', '', '#include "internal.h"',
           '#include "libvirt/libvirt-qemu.h"', '#include "libvirt/libvirt-lxc.h"', '',
           'typedef enum {', '    VIR_DRV_OPEN_SUCCESS = 0,',
           '    VIR_DRV_OPEN_DECLINED = -1,', '    VIR_DRV_OPEN_ERROR = -2,',
           '} virDrvOpenStatus;', '']
    for tname, (struct, _) in apidesc.TABLES.items():
        out.append('struct _%s {' % struct)
        out.append('    const char *name;')
        seen = set()
        for ret, name, args in internal.get(tname, []):
            a = ', '.join(apidesc.join_decl(t, n) for t, n in args) or 'void'
            out.append('    %s(*%s)(%s);' % (apidesc.join_type(ret), name, a))
            seen.add(name)
        for h in headers.values():
            for f in h.functions:
                if f.library == 'libvirt-admin' or not f.uses_slot or f.table != tname:
                    continue
                if f.slot in seen:
                    continue
                seen.add(f.slot)
                out.append('    ' + f.prototype(ptrname=f.slot) + ';')
        out.append('};')
        out.append('')
    return '\n'.join(out)


def exported(headers, library):
    syms = []
    for h in headers.values():
        syms += [(f.name, f.version_node) for f in h.functions if f.library == library]
        syms += [(v.name, v.version_node) for v in h.variables if v.library == library]
    return syms


def gen_syms(headers, library, private=None):
    nodes = {}
    for name, node in exported(headers, library):
        nodes.setdefault(node, []).append(name)
    out = ['# Generated by src/api/gen_code.py: each symbol at the version node',
           '# where upstream introduced it, nothing else exported.']
    prev = None
    for node in sorted(nodes, key=apidesc.version_key):
        out.append('%s {' % node)
        out.append('    global:')
        out += ['        %s;' % s for s in sorted(nodes[node])]
        if prev is None:
            out.append('    local:')
            out.append('        *;')
        out.append('}%s;' % (' ' + prev if prev else ''))
        out.append('')
        prev = node
    if private:
        # Internals the sibling libraries (libvirt-qemu, libvirt-lxc) call,
        # in a private node as upstream has; see libvirt_private.syms.
        out.append(open(private).read())
    return '\n'.join(out)


def main():
    apidir, what = sys.argv[1:3]
    headers = apidesc.load(apidir)
    if what == 'tables':
        write(sys.argv[3], gen_tables(headers, apidir))
    elif what == 'entry':
        write(sys.argv[4], gen_entry_file(headers, sys.argv[3]))
    elif what == 'syms':
        write(sys.argv[4], gen_syms(headers, sys.argv[3],
                                    sys.argv[5] if len(sys.argv) > 5 else None))
    elif what == 'list':
        write(sys.argv[4], ''.join('%s %s\n' % s for s in sorted(exported(headers, sys.argv[3]))))
    else:
        sys.exit('unknown output %r' % what)


if __name__ == '__main__':
    main()
