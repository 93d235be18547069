// Reference answers from node-semver for NodeSemverReferenceTest. The test writes a two-line wrapper that calls
//   require('<this file>')(require('<node-semver directory>'))
// so that the node-semver copy installed by reference-tools/install-semver.sh is the one asked.
// One JSON array per input line, one answer per output line; loose and includePrerelease are "1" or "0":
//   ["V", loose, text]                  -> "ok <SemVer#version>[+<build>]" or "err"
//   ["C", loose, a, b]                  -> "-1", "0", "1" (a.compare(b)) or "err"
//   ["R", loose, includePre, range]     -> "ok <Range#range>" or "err"
//   ["S", loose, includePre, range, v]  -> "true"/"false" (Range#test), "errrange" or "errver";
//                                          v is read loosely, as npm reads installed versions
'use strict'
const readline = require('readline')

module.exports = (semver) => {
  const { SemVer, Range } = semver
  const version = (text, loose) => {
    try {
      return new SemVer(text, { loose })
    } catch (e) {
      return null
    }
  }
  const range = (text, loose, includePrerelease) => {
    try {
      return new Range(text, { loose, includePrerelease })
    } catch (e) {
      return null
    }
  }
  const answer = ([command, ...args]) => {
    switch (command) {
      case 'V': {
        const v = version(args[1], args[0] === '1')
        return v ? `ok ${v.version}${v.build.length ? '+' + v.build.join('.') : ''}` : 'err'
      }
      case 'C': {
        const a = version(args[1], args[0] === '1')
        const b = version(args[2], args[0] === '1')
        return a && b ? String(a.compare(b)) : 'err'
      }
      case 'R': {
        const r = range(args[2], args[0] === '1', args[1] === '1')
        return r ? `ok ${r.range}` : 'err'
      }
      case 'S': {
        const r = range(args[2], args[0] === '1', args[1] === '1')
        if (!r) {
          return 'errrange'
        }
        const v = version(args[3], true)
        return v ? String(r.test(v)) : 'errver'
      }
      default:
        throw new Error(`unknown command ${command}`)
    }
  }
  const answers = []
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  lines.on('line', (line) => answers.push(answer(JSON.parse(line))))
  lines.on('close', () => process.stdout.write(answers.length ? answers.join('\n') + '\n' : ''))
}
