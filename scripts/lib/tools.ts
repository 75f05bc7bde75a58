import fs from 'node:fs'
import { aptInstall } from './apt'
import { findExecutable, findPostgresBin } from './which'

/** The system programs the scripts can install, with how each is found and packaged. */
export type Tool = 'redis' | 'postgres' | 'chromium'

const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']

// Without a CJK font Chromium draws every Chinese character as a box, in screenshots and in
// the layout the e2e checks measure; the font is part of the browser tool here.
const CJK_FONT_DIR = '/usr/share/fonts/opentype/noto'

const packages: Record<Tool, string[]> = {
  redis: ['redis-server'],
  postgres: ['postgresql'],
  chromium: ['chromium', 'fonts-noto-cjk'],
}

function hasCjkFont(): boolean {
  try {
    return fs.readdirSync(CJK_FONT_DIR).some((f) => f.startsWith('NotoSansCJK'))
  } catch {
    return false
  }
}

export interface ToolFinders {
  searchPath?: string
  extraDirs?: readonly string[]
  postgresRoot?: string
  /** Tests of the lookup logic do not depend on this machine's fonts. */
  skipFontCheck?: boolean
}

/** Where each tool lives on this machine, or undefined when it is missing. */
export function locateTool(tool: Tool, finders: ToolFinders = {}): string | undefined {
  const extra = finders.extraDirs ?? SYSTEM_DIRS
  switch (tool) {
    case 'redis':
      return findExecutable('redis-server', finders.searchPath, extra)
    case 'postgres':
      return findPostgresBin(finders.postgresRoot)
    case 'chromium': {
      const binary =
        findExecutable('chromium', finders.searchPath, extra) ??
        findExecutable('chromium-browser', finders.searchPath, extra)
      return binary && (finders.skipFontCheck || hasCjkFont()) ? binary : undefined
    }
  }
}

export function missingPackages(tools: readonly Tool[], finders: ToolFinders = {}): string[] {
  return tools.filter((tool) => !locateTool(tool, finders)).flatMap((tool) => packages[tool])
}

/** Installs every missing tool in one apt-get run (faster than one run per tool). */
export async function installMissingTools(tools: readonly Tool[]): Promise<void> {
  const missing = missingPackages(tools)
  if (missing.length > 0)
    await aptInstall(missing, `missing on this machine: ${missing.join(', ')}`)
}

/** Finds a tool, installing its Debian package first when it is missing. */
export async function requireTool(tool: Tool): Promise<string> {
  const found = locateTool(tool)
  if (found) return found
  const names = packages[tool].join(', ')
  await aptInstall(packages[tool], `${names} not installed`)
  const installed = locateTool(tool)
  if (!installed) throw new Error(`${names} installed but ${tool} is still not found`)
  return installed
}

export function assertExecutable(file: string, envName: string): string {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return file
  } catch {
    throw new Error(`${envName}=${file} is not an executable file`)
  }
}
