/** The editor desk's routes: the only ones that take HTML form posts. */
export const isDeskPath = (url: string): boolean => url === '/desk' || url.startsWith('/desk/') || url.startsWith('/desk?');
