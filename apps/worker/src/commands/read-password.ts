import readline from "node:readline";

/**
 * The first line of standard input when it is piped, else a prompt on the terminal that does not echo what is typed.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) {
      text += String(chunk);
      if (text.includes("\n")) break;
    }
    return text.split(/\r?\n/)[0] ?? "";
  }
  process.stderr.write(prompt);
  const rl = readline.createInterface({ input: process.stdin, terminal: true });
  const output = process.stdout.write.bind(process.stdout);
  // Hide the echo: the readline interface writes typed characters through stdout.
  process.stdout.write = () => true;
  try {
    return await new Promise<string>((resolve) => rl.question("", resolve));
  } finally {
    process.stdout.write = output;
    rl.close();
    process.stderr.write("\n");
  }
}
