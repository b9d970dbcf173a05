/** Why a method instance cannot be compiled (it then keeps running in the interpreter). */
export class NotCompilable extends Error {}
