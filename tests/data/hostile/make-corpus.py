#!/usr/bin/env python3
"""make-corpus.py - write the hostile-input corpus and its golden CLI cases.

Each case is one file under tests/data/hostile/ (a scenario, or a price
snapshot folder holding one crafted offer file) plus a golden case
tests/cli/cases/hostile-<name>/cmd. Run from the repo root:

    python3 tests/data/hostile/make-corpus.py
    UPDATE_GOLDEN=1 tests/cli/run      # then READ every err/rc/out written

Cases too big to keep in git (over-size files, 20001 resources) are built
by their cmd line at test time instead. The file contents are the
documentation: each says what it attacks in its name.
"""
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
H = 'tests/data/hostile'
CASES = 'tests/cli/cases'
NAT_ONLY = 'tests/data/scenarios/nat-only.json'

os.chdir(ROOT)
cases = {}  # name -> cmd


def put(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def scenario(name, text, extra=''):
    path = f'{H}/scenarios/{name}.json'
    put(path, text)
    cases[f'hostile-scenario-{name}'] = f'$CP breakdown {path}{extra}'


def base(usage='30', extra_res='', extra_top=''):
    return ('{"costplan": 1, "name": "h", "region": "us-east-1",%s\n'
            ' "resource": {"aws_nat_gateway": {"main": {}}%s},\n'
            ' "usage": {"aws_nat_gateway.main": {"monthly_data_processed_gb": %s}}}\n'
            % (extra_top, extra_res, usage))


# --- scenario files: syntax -------------------------------------------------
scenario('empty', '')
scenario('truncated', '{"costplan": 1, "resource": {"aws_nat_gateway": {"main": {')
scenario('truncated-string', '{"costplan": 1, "name": "abc')
scenario('trailing-garbage', base() + 'rm -rf /\n')
scenario('top-array', '[{"costplan": 1}]')
scenario('top-string', '"scenario"')
scenario('bom', '\ufeff' + base())
scenario('nul-byte', b'{"costplan": 1, "name": "a\x00b", "resource": {}}')
scenario('invalid-utf8', b'{"costplan": 1, "name": "caf\xe9", "resource": {}}')
scenario('overlong-utf8', b'{"costplan": 1, "name": "\xc0\xaf", "resource": {}}')
scenario('lone-surrogate', '{"costplan": 1, "name": "\\ud800", "resource": {}}')
scenario('nul-escape', '{"costplan": 1, "name": "a\\u0000b", "resource": {}}')
scenario('duplicate-key', '{"costplan": 1, "name": "a", "name": "b", "resource": {}}')
scenario('duplicate-resource',
         '{"costplan": 1, "resource": {"aws_nat_gateway": {"main": {}, "main": {}}}}')
scenario('deep-nesting', '{"costplan": 1, "resource": {}, "notes": ' + '[' * 5000 + ']' * 5000 + '}')
scenario('deep-nesting-usage',
         '{"costplan": 1, "resource": {"aws_nat_gateway": {"main": {}}}, "usage": {"aws_nat_gateway.main": '
         + '{"a": ' * 200 + '1' + '}' * 200 + '}}')
scenario('single-quotes', "{'costplan': 1, 'resource': {}}")
scenario('comment', '// a comment\n' + base())

# --- scenario files: numbers ------------------------------------------------
scenario('usage-1e308', base('1e308'))
scenario('usage-1e309', base('1e309'))
scenario('usage-nan', base('NaN'))
scenario('usage-infinity', base('-Infinity'))
scenario('usage-negative', base('-1'))
scenario('usage-past-limit', base('1000000000001'))
scenario('usage-string', base('"30"'))
scenario('usage-null', base('null'))
scenario('usage-hex', base('0x1E'))
scenario('usage-leading-zero', base('030'))
scenario('usage-negative-zero', base('-0.0'), ' --format csv')
scenario('usage-tiny', base('1e-320'), ' --format csv')
scenario('int-past-2p53',
         base(extra_res=', "aws_ecs_task_definition": {"t": {"cpu": 256, "memory": 9007199254740993}}'))
scenario('int-past-2p63', base(extra_res=', "aws_ecs_task_definition": {"t": {"cpu": 256, "memory": 9223372036854775808}}'))
scenario('int-as-fraction', base(extra_res=', "aws_ecs_task_definition": {"t": {"cpu": 256.0, "memory": 512}}'))
scenario('count-huge', base(extra_res=', "aws_eip": {"e": {"count": 1000000}}'))
scenario('count-negative', base(extra_res=', "aws_eip": {"e": {"count": -1}}'))
scenario('costplan-version', base().replace('"costplan": 1', '"costplan": 1e0'))

# --- scenario files: wrong types and injection ------------------------------
scenario('resource-array', '{"costplan": 1, "resource": []}')
scenario('name-number', base().replace('"name": "h"', '"name": 42'))
scenario('free-tier-string', base(extra_top=' "free_tier": "yes",'))
scenario('attr-string-number',
         base(extra_res=', "aws_ecs_task_definition": {"t": {"cpu": "256", "memory": 512}}'))
scenario('type-escape-injection', '{"costplan": 1, "resource": {"aws_\\u001b[2J\\u001b]0;pwned\\u0007": {}}}')
scenario('resource-name-injection',
         '{"costplan": 1, "resource": {"aws_nat_gateway": {"x\\u001b[31m\\u009b31m": {}}}}')
scenario('key-bidi-injection', '{"costplan": 1, "resource": {}, "na\\u202eme": 1}')
scenario('region-injection', base().replace('"us-east-1"', '"us-east-1\\u001b[0m"'))
scenario('long-key', '{"costplan": 1, "resource": {}, "' + 'k' * 100000 + '": 1}')
scenario('ref-injection',
         base(extra_res=', "aws_ecs_service": {"s": {"task_definition": "<img src=x onerror=alert(1)>\\u001b[5m"}}'))
scenario('long-name', base().replace('"name": "h"', '"name": "' + 'n' * 5000 + '"'))

# names that reach outputs: scenario name with markup, formula, escapes
INJ = ('=HYPERLINK(\\"http://evil\\",\\"x\\") <script>alert(1)</script> | [a](http://e) '
       '**b** \\u001b[2J\\u001b]8;;http://evil\\u0007 \\u009b1m \\u202egnp.exe')
inj = f'{H}/scenarios/injection-name.json'
put(inj, base().replace('"name": "h"', f'"name": "{INJ}"'))
for fmt in ('table', 'csv', 'markdown', 'json'):
    cases[f'hostile-output-name-{fmt}'] = f'$CP breakdown {inj} --format {fmt}'

# over-size and many-resource inputs, generated on the fly (stdin is "-")
cases['hostile-scenario-too-large'] = (
    "head -c 9000000 /dev/zero | tr '\\0' ' ' | $CP breakdown -")
cases['hostile-scenario-too-many-resources'] = (
    "python3 -c 'import json; print(json.dumps({\"costplan\": 1, \"resource\": "
    "{\"aws_eip\": {\"e%d\" % i: {} for i in range(20001)}}}))' | $CP breakdown -")
cases['hostile-scenario-many-bad-usage'] = (
    "python3 -c 'import json; print(json.dumps({\"costplan\": 1, \"resource\": "
    "{\"aws_nat_gateway\": {\"e%d\" % i: {} for i in range(20000)}}, \"usage\": "
    "{\"aws_nat_gateway.x%d\" % i: {} for i in range(20000)}}))' | $CP breakdown -")
cases['hostile-scenario-directory'] = '$CP breakdown tests/data'
cases['hostile-scenario-stdin-empty'] = '$CP breakdown - </dev/null'

# --- offer files --------------------------------------------------------------
EC2 = open('pricing/aws/us-east-1/AmazonEC2.csv', encoding='utf-8').read()
LINES = EC2.splitlines(keepends=True)
HDR = LINES[5]
ROW_H, ROW_B = LINES[6], LINES[7]  # NatGateway-Hours, NatGateway-Bytes


def offer(name, data, ext='csv', scen=NAT_ONLY, extra=''):
    d = f'{H}/pricing/{name}'
    put(f'{d}/aws/us-east-1/AmazonEC2.{ext}', data)
    cases[f'hostile-offer-{name}'] = f'$CP --pricing {d} breakdown {scen}{extra}'


def field(row, i, value):
    """Replace field i (0-based) of a simple quoted CSV row."""
    parts = row.rstrip('\n').split('","')
    parts[0] = parts[0][1:]
    parts[-1] = parts[-1][:-1]
    parts[i] = value
    return '"' + '","'.join(parts) + '"\n'


HDR_NAMES = HDR.strip().strip('"').split('","')
COL = {n: i for i, n in enumerate(HDR_NAMES)}
META = ''.join(LINES[:5])

offer('empty', '')
offer('truncated-meta', LINES[0] + LINES[1][:60])
offer('no-metadata', HDR + ROW_H)
offer('unbalanced-quote', META + HDR + ROW_H[:-10] + '\n' + ROW_B)
offer('quote-in-unquoted-field', META + HDR + ROW_H.replace('"Hrs"', 'H"rs', 1) + ROW_B)
offer('short-row', META + HDR + ROW_H.rsplit(',', 3)[0] + '\n' + ROW_B)
offer('too-many-columns', META + ','.join(f'"c{i}"' for i in range(600)) + '\n')
offer('missing-price-column', META + HDR.replace('"PricePerUnit"', '"Price"') + ROW_H + ROW_B)
offer('wrong-offer-code',
      EC2.replace('"OfferCode","AmazonEC2"', '"OfferCode","Amazon\x1b[31mRDS"'))
offer('date-injection',
      EC2.replace('"Publication Date","2025-06-17T00:00:00Z"', '"Publication Date","<script>\x1b[2J"'))
offer('price-1e308', META + HDR + field(ROW_H, COL['PricePerUnit'], '1e308') + ROW_B)
offer('price-negative', META + HDR + field(ROW_H, COL['PricePerUnit'], '-0.045') + ROW_B)
offer('price-nan', META + HDR + field(ROW_H, COL['PricePerUnit'], 'NaN') + ROW_B)
offer('price-hex', META + HDR + field(ROW_H, COL['PricePerUnit'], '0x10') + ROW_B)
offer('price-negative-zero', META + HDR + field(ROW_H, COL['PricePerUnit'], '-0') + ROW_B,
      extra=' --format csv')
offer('price-many-digits', META + HDR + field(ROW_H, COL['PricePerUnit'], '0.' + '1' * 60) + ROW_B)
offer('price-huge-cost', META + HDR + ROW_H + field(ROW_B, COL['PricePerUnit'], '999999999999999'))
offer('currency-eur', META + HDR + field(ROW_H, COL['Currency'], 'EUR') + ROW_B)
offer('range-inverted', META + HDR + field(ROW_H, COL['EndingRange'], '-5') + ROW_B)
offer('tier-gap', META + HDR + field(ROW_H, COL['EndingRange'], '100')
      + field(field(ROW_H, COL['StartingRange'], '200'), COL['RateCode'], 'X') + ROW_B)
offer('ambiguous-sku', META + HDR + ROW_H + field(ROW_H, COL['SKU'], 'OTHERSKU') + ROW_B)
offer('invalid-utf8', (META + HDR).encode() + ROW_H.replace('NAT Gateway Hour', 'NAT Gateway \udcff').encode('utf-8', 'surrogateescape') + ROW_B.encode())
offer('nul-byte', (META + HDR).encode() + ROW_H.replace('NAT Gateway Hour', 'NAT\x00Gateway').encode() + ROW_B.encode())
offer('field-too-long', META + HDR + field(ROW_H, COL['PriceDescription'], 'x' * 70000) + ROW_B)
offer('source-injection',
      META + HDR + field(ROW_H, COL['costplanSource'], '=cmd|\' /C calc\'!A0 \x1b[31m')
      + field(ROW_B, COL['costplanSource'], '@SUM(1+1) <b>x</b>'), extra=' --format csv')
offer('usage-type-only-prefix', META + HDR + field(ROW_H, COL['usageType'], '-NatGateway-Hours') + ROW_B)
offer('crlf-and-bom', ('\ufeff' + EC2).replace('\n', '\r\n'))

JSON_OFFER = json.load(open('tests/data/offers/AmazonEC2-us-east-1.json'))


def joffer(name, doc_or_text):
    text = doc_or_text if isinstance(doc_or_text, (str, bytes)) else json.dumps(doc_or_text, indent=1)
    offer('json-' + name, text, ext='json')


def mut(f):
    d = json.loads(json.dumps(JSON_OFFER))
    f(d)
    return d


joffer('truncated', json.dumps(JSON_OFFER)[:700])
joffer('duplicate-key', json.dumps(JSON_OFFER).replace('"formatVersion": "v1.0"',
                                                       '"formatVersion": "v1.0", "formatVersion": "v2"'))
joffer('no-products', mut(lambda d: d.pop('products')))
joffer('products-array', mut(lambda d: d.__setitem__('products', [])))
joffer('price-number', mut(lambda d: d['terms']['OnDemand']['CPNLQBLQ42QA34HY']['CPNLQBLQ42QA34HY.JRTCKXETXF']
                          ['priceDimensions']['CPNLQBLQ42QA34HY.JRTCKXETXF.ZPB53KFJ3S']['pricePerUnit'].__setitem__('USD', 0.045)))
joffer('term-unknown-sku', mut(lambda d: d['terms']['OnDemand'].__setitem__('NOSUCH\u001b[2J', {})))
joffer('deep-nesting', '{"products": ' + '[' * 3000 + ']' * 3000 + '}')
joffer('invalid-utf8', b'{"products": {"\xff\xfe": {}}}')
joffer('ondemand-string', mut(lambda d: d['terms'].__setitem__('OnDemand', 'x')))
joffer('price-1e308', mut(lambda d: d['terms']['OnDemand']['CPNLQBLQ42QA34HY']['CPNLQBLQ42QA34HY.JRTCKXETXF']
                         ['priceDimensions']['CPNLQBLQ42QA34HY.JRTCKXETXF.ZPB53KFJ3S']['pricePerUnit'].__setitem__('USD', '1e308')))

# --- plans and states (src/model/plan.c), through breakdown --plan ----------


def plan(name, text, extra=''):
    path = f'{H}/plans/{name}.json'
    put(path, text)
    cases[f'hostile-plan-{name}'] = f'$CP breakdown --plan {path}{extra}'


def nat_plan(address='aws_nat_gateway.main', values='{}', fv='"1.2"', extra_top=''):
    return ('{"format_version": %s, "terraform_version": "1.9.8",%s "resource_changes": '
            '[{"address": "%s", "mode": "managed", "type": "aws_nat_gateway", "name": "main", '
            '"provider_name": "registry.terraform.io/hashicorp/aws", "change": {"actions": '
            '["create"], "before": null, "after": %s, "after_unknown": {}}}]}\n'
            % (fv, extra_top, address, values))


plan('valid-nat', nat_plan(values='{"connectivity_type": "public"}'))
plan('truncated', nat_plan()[:120])
plan('not-object', '[]')
plan('deep-nesting', '{"format_version": "1.2", "planned_values": ' + '[' * 5000 + ']' * 5000 + '}')
plan('resources-object', '{"format_version": "1.2", "resource_changes": {}}')
plan('format-version-number', nat_plan(fv='1.2'))
plan('format-version-9', nat_plan(fv='"9.0"'))
plan('duplicate-key', nat_plan().replace('"mode": "managed",', '"mode": "managed", "mode": "data",'))
plan('invalid-utf8', nat_plan().encode().replace(b'"name": "main"', b'"name": "ma\xffin"'))
plan('nul-byte', nat_plan().encode().replace(b'"1.9.8"', b'"1.9\x008"'))
plan('address-injection', nat_plan(address='aws_nat_gateway.main\\u001b[2J<script>'))
plan('address-huge-index', nat_plan(address='aws_nat_gateway.main[' + '9' * 400 + ']'))
plan('values-wrong-type', nat_plan(values='"values"'))
plan('huge-number', nat_plan(values='{"tags": {"n": 1e309}}'))
plan('module-depth', nat_plan(address='module.a.' * 100 + 'aws_nat_gateway.main'))
plan('state-truncated', '{"format_version": "1.0", "values": {"root_module": {"resources": [{"address"')

# --- usage files (src/model/usage.c), with a real plan ---------------------
GUIDE = 'tests/data/plans/guide-change.json'


def usage(name, text):
    path = f'{H}/usage/{name}.json'
    put(path, text)
    cases[f'hostile-usage-{name}'] = f'$CP breakdown --plan {GUIDE} --usage {path}'


def ufile(figure='10', key='monthly_data_processed_gb', addr='aws_nat_gateway.main', version='"0.1"'):
    return ('{"version": %s, "resource_usage": {"%s": {"%s": %s}}}\n'
            % (version, addr, key, figure))


usage('truncated', ufile()[:40])
usage('version-missing', '{"resource_usage": {}}')
usage('version-number-2', ufile(version='2'))
usage('figure-1e309', ufile('1e309'))
usage('figure-1e308', ufile('1e308'))
usage('figure-negative', ufile('-5'))
usage('figure-string', ufile('"10"'))
usage('figure-nan', ufile('NaN'))
usage('duplicate-key', ufile().replace('"version": "0.1",', '"version": "0.1", "version": "0.1",'))
usage('key-injection', ufile(key='x\\u001b]0;owned\\u0007'))
usage('deep-nesting', '{"version": "0.1", "resource_usage": {"a.b": ' + '{"k": ' * 3000 + '1' + '}' * 3000 + '}}')
usage('section-array', '{"version": "0.1", "resource_usage": []}')
cases['hostile-usage-too-many-wildcards'] = (
    "python3 -c 'import json; print(json.dumps({\"version\": \"0.1\", \"resource_usage\": "
    "{\"aws_nat_gateway.n%d[*]\" % i: {\"monthly_data_processed_gb\": 1} for i in range(1001)}}))'"
    f" | $CP breakdown --plan {GUIDE} --usage -")

# --- --set overlays (src/model/overlay.c, docpath.c) ---------------------------
SETS = {
    'set-name-injection': "--set 'name=\"x\\u001b[2J\\u009b31m <b>|</b>\"'",
    'set-usage-1e309': "--set usage.aws_nat_gateway.main.monthly_data_processed_gb=1e309",
    'set-usage-int-2p63': "--set usage.aws_nat_gateway.main.monthly_data_processed_gb=9223372036854775808",
    'set-value-truncated-json': "--set 'resource.aws_ecs_service.api.desired_count={'",
    'set-value-deep': "--set \"notes=$(python3 -c \"print('['*5000 + ']'*5000)\")\"",
    'set-path-long': "--set \"$(python3 -c \"print('resource.' + 'a.' * 3000 + 'b=1')\")\"",
    'set-path-injection': "--set 'resource.aws_ecs_service.\033[31mapi.desired_count=2'",
    'set-empty': "--set ''",
    # found by fuzz_overlay: C1 characters at the cut of a quoted --set overflowed
    'set-c1-at-cut': "--set \"$(printf 'x\\302\\236%.0s' $(seq 60))=1\"",
}
for name, arg in SETS.items():
    cases[f'hostile-{name}'] = f'$CP breakdown {arg}'
cases['hostile-set-name-injection'] += ' --format table'

# --- write the golden case folders (cmd only; run UPDATE_GOLDEN=1 after) ------
for name, cmd in sorted(cases.items()):
    d = f'{CASES}/{name}'
    os.makedirs(d, exist_ok=True)
    put(f'{d}/cmd', cmd + '\n')
    if name.startswith('hostile-output-') or 'negative-zero' in name or 'tiny' in name \
            or 'source-injection' in name or 'name-injection' in name \
            or name in ('hostile-plan-valid-nat', 'hostile-plan-address-injection',
                        'hostile-usage-key-injection', 'hostile-plan-module-depth'):
        if not os.path.exists(f'{d}/out'):
            put(f'{d}/out', '')  # stdout is compared too
for name in ('hostile-scenario-too-many-resources', 'hostile-scenario-many-bad-usage'):
    put(f'{CASES}/{name}/slow', '')  # not under valgrind: 30 s each there
print(f'{len(cases)} hostile cases')
