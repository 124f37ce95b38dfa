# npm here records only the optional platform packages it could install; `npm ci` then finds the others
# missing. Add lock entries (version, optional, os/cpu) for every declared optional dependency that has none.
import json, re, sys
p = sys.argv[1]
d = json.load(open(p))
pk = d['packages']
OS = ['darwin','linux','win32','android','freebsd','openbsd','netbsd','sunos','aix','openharmony']
CPU = ['arm64','x64','ia32','arm','riscv64','ppc64','s390x','loong64','mips64el','wasm32']
added = 0
for path, meta in list(pk.items()):
    for name, spec in (meta.get('optionalDependencies') or {}).items():
        key = 'node_modules/' + name
        if key in pk: continue
        base = name.split('/')[-1]
        entry = {'version': re.sub(r'^[\^~=]', '', spec), 'optional': True}
        o = [x for x in OS if re.search(r'(^|-)%s(-|$)' % x, base)]
        c = [x for x in CPU if re.search(r'(^|-)%s(-|$)' % x, base)]
        if 'musl' in base: entry['libc'] = ['musl']
        elif 'gnu' in base: entry['libc'] = ['glibc']
        if o: entry['os'] = o[:1]
        if c: entry['cpu'] = c[:1]
        pk[key] = entry
        added += 1
json.dump(d, open(p, 'w'), indent=2)
open(p, 'a').write('\n')
print('added', added)
