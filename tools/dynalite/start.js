// Starts dynalite (an open-source DynamoDB emulator, data in memory) for the pglabs harness.
// Listens on loopback on the port given as the first argument (the harness picks it and waits until the
// port answers; without one the system picks), prints "pglabs-dynalite listening on <port>", and exits when
// its standard input closes: the JVM that started it holds that pipe, so the emulator never outlives it,
// even when the JVM is killed.
'use strict'
const dynalite = require('dynalite')

// Tables are ACTIVE at once: the emulator's default 500 ms in CREATING would only slow the checks.
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  process.stdout.write('pglabs-dynalite listening on ' + server.address().port + '\n')
})
server.on('error', (e) => {
  process.stderr.write('pglabs-dynalite: ' + e.message + '\n')
  process.exit(1)
})
process.stdin.on('end', () => process.exit(0))
process.stdin.on('error', () => process.exit(0))
process.stdin.resume()
